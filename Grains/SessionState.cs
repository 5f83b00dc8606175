using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>The stored state of one session.</summary>
[GenerateSerializer, Alias("sesame.state.SessionState")]
internal sealed class SessionState
{
    [Id(0)]
    public string AccountKey { get; set; } = string.Empty;

    /// <summary>The identifier the member signed in with.</summary>
    [PersonalData]
    [Id(1)]
    public string Identifier { get; set; } = string.Empty;

    [Id(2)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(3)]
    public DateTimeOffset LastUsedAt { get; set; }

    [Id(4)]
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>The absolute end, whatever the use.</summary>
    [Id(5)]
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>When the session ends unless used again.</summary>
    public DateTimeOffset ExpiresAt => LastUsedAt + IdleTimeout < EndsAt ? LastUsedAt + IdleTimeout : EndsAt;
}
