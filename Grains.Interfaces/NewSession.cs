namespace Sesame.Grains.Interfaces;

/// <summary>A session just opened: the token the member's browser keeps (given out once, stored only as a hash) and when it ends at the latest.</summary>
[GenerateSerializer, Immutable, Alias("sesame.NewSession")]
public sealed record NewSession([Id(0)] string Token, [Id(1)] DateTimeOffset ExpiresAt);
