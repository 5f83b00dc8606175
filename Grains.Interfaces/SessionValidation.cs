namespace Sesame.Grains.Interfaces;

/// <summary>Whether a session is valid, and if so whose it is and when it ends unless used again.</summary>
public sealed record SessionValidation(bool Valid, string? AccountKey = null, DateTimeOffset? ExpiresAt = null)
{
    public static SessionValidation Invalid { get; } = new(false);
}
