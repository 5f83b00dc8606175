using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>One channel that carries one-time codes to members: e-mail, SMS or postal letter.</summary>
public sealed class CodeChannelPolicy
{
    /// <summary>Whether codes may go by this channel.</summary>
    public bool Enabled { get; set; }

    /// <summary>Characters in a code: digits by e-mail and SMS, letters and digits (no look-alikes) on paper.</summary>
    [Range(6, 16)]
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a code can be used after it is sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "120.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A new request within this time after a send sends nothing new; the code already sent stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromMinutes(1);
}
