using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>
/// Activation of a member's space with a provisional code (Mon espace santé): the back office sends the code; the
/// member gives it with the NIR, then the Vitale card, decides to activate or oppose, checks the contacts and chooses
/// an identifier and a password. Without a decision, the space is created automatically at the deadline.
/// </summary>
public sealed class ActivationPolicy
{
    /// <summary>Whether the tenant's members activate their space this way. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Characters in a provisional code, letters and digits without look-alikes. Default: 12 ("composé de 12 caractères").</summary>
    [Range(8, 32)]
    public int ProvisionalCodeLength { get; set; } = 12;

    /// <summary>
    /// How long a provisional code works, and for the first one the time after which the space is created unless the
    /// member opposed. Default: 6 weeks ("Dans un délai de 6 semaines ... sera créé automatiquement").
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan ProvisionalCodeLifetime { get; set; } = TimeSpan.FromDays(42);

    /// <summary>How long the member has to go from the provisional code to the chosen password. Default: 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan FlowLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Vitale cards that do not match after which the activation ends and starts again from the code. Default: 3.</summary>
    [Range(1, 10)]
    public int MaxCardTries { get; set; } = 3;

    /// <summary>The version of the data protection policy accepted with the terms. Default: empty, none.</summary>
    [MaxLength(32)]
    public string PrivacyPolicyVersion { get; set; } = string.Empty;
}
