using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>The stored state of one session.</summary>
internal sealed class SessionState
{
    public string AccountKey { get; set; } = string.Empty;

    /// <summary>The identifier the member signed in with.</summary>
    [PersonalData]
    public string Identifier { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    public TimeSpan IdleTimeout { get; set; }

    /// <summary>The absolute end, whatever the use.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>When the session ends unless used again.</summary>
    public DateTimeOffset ExpiresAt => LastUsedAt + IdleTimeout < EndsAt ? LastUsedAt + IdleTimeout : EndsAt;
}
