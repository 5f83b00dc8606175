namespace Sesame.Frontend.Validation;

/// <summary>One field of a request that is wrong, and why.</summary>
internal sealed record FieldViolation(string Field, string Description);
