namespace Sesame.Grains.Interfaces;

/// <summary>A session just opened: the token the member's browser keeps (given out once, stored only as a hash) and when it ends at the latest.</summary>
public sealed record NewSession(string Token, DateTimeOffset ExpiresAt);
