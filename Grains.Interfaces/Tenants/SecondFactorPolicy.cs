using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>
/// A one-time access code after the password (mes: "Je choisis le mode de réception de mon code d'accès"), by e-mail or
/// SMS as the member chooses, bound to that sign-in. Wrong codes lock like wrong passwords, on a counter of their own.
/// </summary>
public sealed class SecondFactorPolicy
{
    /// <summary>Whether every sign-in asks for an access code. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Digits in an access code. Default: 6 ("Ex. : 034567").</summary>
    [Range(6, 10)]
    public int CodeLength { get; set; } = 6;

    /// <summary>How long an access code works. Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A new sign-in within this time after a code was sent sends none; the code sent moves to it. Default: 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromMinutes(1);
}
