namespace Sesame.Grains.Interfaces;

/// <summary>Whether a session is valid, and if so whose it is (its account and the identifier the member signed in with) and when it ends unless used again.</summary>
[GenerateSerializer, Immutable, Alias("sesame.SessionValidation")]
public sealed record SessionValidation([Id(0)] bool Valid, [Id(1)] string? AccountKey = null, [Id(2)] DateTimeOffset? ExpiresAt = null, [Id(3)] string? Identifier = null)
{
    public static SessionValidation Invalid { get; } = new(false);
}
