using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>
/// "Obtenir son identifiant": NIR, birth date and postal code give the identifier by e-mail, or on screen after the
/// last six characters of the IBAN. These lookups answer "who is this person", so they are rate-limited.
/// </summary>
public sealed class IdentifierRecoveryPolicy
{
    /// <summary>Whether the tenant offers it. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Lookups (either step) per NIR per <see cref="Window"/>. Default: 5.</summary>
    [Range(1, 100)]
    public int MaxLookupsPerMember { get; set; } = 5;

    /// <summary>Lookups (either step) per client IP address per <see cref="Window"/>. Default: 20.</summary>
    [Range(1, 10_000)]
    public int MaxLookupsPerClientIp { get; set; } = 20;

    /// <summary>Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a member with no e-mail but a mobile gets the identifier by SMS (mes, whose members have no IBAN on
    /// file). Default: false: the mutuelles' pages send it by e-mail, else show it against the IBAN's end.
    /// </summary>
    public bool BySms { get; set; }
}
