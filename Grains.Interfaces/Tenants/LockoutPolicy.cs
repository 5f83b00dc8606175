using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>
/// When failed sign-ins lock an account, and for how long. Each lockout in a row lasts <see cref="DurationMultiplier"/>
/// times the one before (up to <see cref="MaxDuration"/>), and after <see cref="LockoutsBeforeRecovery"/> of them the
/// account takes no sign-in until it is recovered or unlocked: with the defaults, 3 × 10 = 30 guesses at most before
/// that, well within the ~100 guesses a year of NIST SP 800-63B 5.2.2. A success, a recovery or an unlock starts over.
/// </summary>
public sealed class LockoutPolicy
{
    /// <summary>Failures in a row that lock the account. Default: 3 (the portals' help pages).</summary>
    [Range(1, 20)]
    public int MaxFailedAttempts { get; set; } = 3;

    /// <summary>How long a lockout lasts. Default: 1 minute (the portals' help pages: "patienter 1mn").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How much longer each lockout in a row lasts than the one before. Default: 2.</summary>
    [Range(1.0, 10.0)]
    public double DurationMultiplier { get; set; } = 2;

    /// <summary>The longest a lockout lasts. Default: 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Lockouts in a row after which the account needs a recovery or an unlock. Default: 10.</summary>
    [Range(1, 100)]
    public int LockoutsBeforeRecovery { get; set; } = 10;

    /// <summary>How long the <paramref name="lockout"/>-th lockout in a row lasts (1 for the first).</summary>
    public TimeSpan DurationOf(int lockout)
    {
        var seconds = Duration.TotalSeconds * Math.Pow(DurationMultiplier, Math.Max(0, lockout - 1));
        return seconds >= MaxDuration.TotalSeconds ? MaxDuration : TimeSpan.FromSeconds(seconds);
    }
}
