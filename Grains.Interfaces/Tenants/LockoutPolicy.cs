using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>When failed sign-ins lock an account, and for how long.</summary>
public sealed class LockoutPolicy
{
    /// <summary>Failures in a row that lock the account. Default: 3 (the portals' help pages).</summary>
    [Range(1, 20)]
    public int MaxFailedAttempts { get; set; } = 3;

    /// <summary>How long a lockout lasts. Default: 1 minute (the portals' help pages: "patienter 1mn").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);
}
