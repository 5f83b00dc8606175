namespace Sesame.Grpc;

/// <summary>One field of a request that is wrong, and why.</summary>
public sealed record FieldViolation(string Field, string Description);
