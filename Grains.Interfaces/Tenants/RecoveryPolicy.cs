using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>
/// Recovery of a lost PIN or password ("Mot de passe oublié") and first connection: a one-time code by e-mail, by SMS
/// when the member chooses it and the tenant allows it, otherwise by letter "sous huitaine".
/// </summary>
public sealed class RecoveryPolicy
{
    /// <summary>Codes by e-mail. Default: on, 6 digits, 10 minutes, 1 minute between sends.</summary>
    [Required]
    public CodeChannelPolicy Email { get; set; } = new() { Enabled = true };

    /// <summary>Codes by SMS, only when the member asks for it. Default: off, 6 digits, 10 minutes, 1 minute between sends.</summary>
    [Required]
    public CodeChannelPolicy Sms { get; set; } = new();

    /// <summary>
    /// Codes by postal letter, when no other channel reaches the member. Default: on, 8 characters, valid 6 weeks,
    /// one letter a week at most.
    /// </summary>
    [Required]
    public CodeChannelPolicy Letter { get; set; } = new() { Enabled = true, CodeLength = 8, Lifetime = TimeSpan.FromDays(42), ResendCooldown = TimeSpan.FromDays(7) };

    /// <summary>Wrong entries after which a code is dead. Default: 5.</summary>
    [Range(1, 10)]
    public int MaxTriesPerCode { get; set; } = 5;

    /// <summary>Wrong code entries an account takes per <see cref="FailedCodesWindow"/>, across codes and flows. Default: 10.</summary>
    [Range(1, 100)]
    public int FailedCodesBudget { get; set; } = 10;

    /// <summary>The window of <see cref="FailedCodesBudget"/>. Default: 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FailedCodesWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a verified code allows choosing the new secret. Default: 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ResetLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether replies show where the code went, masked (<c>s****@c****.fr</c>, <c>06******78</c>). Default: true.</summary>
    public bool RevealMaskedDestination { get; set; } = true;
}
