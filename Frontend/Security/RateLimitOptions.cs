using System.ComponentModel.DataAnnotations;

namespace Sesame.Frontend.Security;

/// <summary>A token bucket per credential: calls beyond it get RESOURCE_EXHAUSTED.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained calls per second. Default: 1,000.</summary>
    [Range(0.001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 1_000;

    /// <summary>Calls allowed at once after a quiet spell. Default: 2,000.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 2_000;
}
