using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Activation;

/// <summary>The sweep that creates spaces whose deadline passed without a decision ("créé automatiquement").</summary>
public sealed class SpaceDeadlineOptions
{
    /// <summary>How often the sweep runs (and once at start). Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many past days each sweep reads again, so a host that was down for that long catches up. Whatever the
    /// sweep misses, the member's next step applies the deadline anyway. Default: 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);
}
