using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>The scrambled on-screen keypad (cpms): the PIN is typed as positions on a keypad the server shuffled.</summary>
public sealed class KeypadPolicy
{
    /// <summary>Whether sign-in goes through a keypad; the PIN itself is then refused. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long an issued keypad can be used. Default: 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}
