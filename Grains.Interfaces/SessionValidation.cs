namespace Sesame.Grains.Interfaces;

/// <summary>Whether a session is valid, and if so whose it is (its account and the identifier the member signed in with) and when it ends unless used again.</summary>
public sealed record SessionValidation(bool Valid, string? AccountKey = null, DateTimeOffset? ExpiresAt = null, string? Identifier = null)
{
    public static SessionValidation Invalid { get; } = new(false);
}
