using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>How one insurer's portal behaves. A new insurer is a new policy, not new code.</summary>
public sealed class TenantPolicy
{
    /// <summary>The portal's name, for people. Default: empty.</summary>
    [MaxLength(100)]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>What members identify themselves with. Default: <see cref="IdentifierKind.IssuedIdentifier"/>.</summary>
    public IdentifierKind Identifier { get; set; } = IdentifierKind.IssuedIdentifier;

    /// <summary>The secret members sign in with: a PIN by default.</summary>
    [Required]
    public SecretPolicy Secret { get; set; } = new();

    /// <summary>The scrambled keypad. Default: off.</summary>
    [Required]
    public KeypadPolicy Keypad { get; set; } = new();

    /// <summary>Lockout after failed sign-ins.</summary>
    [Required]
    public LockoutPolicy Lockout { get; set; } = new();

    /// <summary>Session lifetimes.</summary>
    [Required]
    public SessionPolicy Sessions { get; set; } = new();

    /// <summary>The anti-robot challenge. Default: off.</summary>
    [Required]
    public ChallengePolicy Challenge { get; set; } = new();

    /// <summary>Recovery of a lost secret and first connection.</summary>
    [Required]
    public RecoveryPolicy Recovery { get; set; } = new();

    /// <summary>Activation of the member's space with a provisional code (mes). Default: off.</summary>
    [Required]
    public ActivationPolicy Activation { get; set; } = new();

    /// <summary>A one-time access code by e-mail or SMS after the password, at every sign-in (mes). Default: off.</summary>
    [Required]
    public SecondFactorPolicy SecondFactor { get; set; } = new();

    /// <summary>"Obtenir son identifiant".</summary>
    [Required]
    public IdentifierRecoveryPolicy IdentifierRecovery { get; set; } = new();

    /// <summary>The sender of the tenant's e-mails.</summary>
    [Required]
    public EmailPolicy Email { get; set; } = new();

    /// <summary>The sender of the tenant's SMS and their longest length.</summary>
    [Required]
    public SmsPolicy Sms { get; set; } = new();

    /// <summary>
    /// The version of the terms of use members are asked to accept (cpms: "J'accepte les Conditions Générales
    /// d'Utilisation"). Default: empty, no terms.
    /// </summary>
    [MaxLength(32)]
    public string TermsVersion { get; set; } = string.Empty;

    /// <summary>Whether replies tell the member how many attempts remain ("il vous reste N tentatives"). Default: true.</summary>
    public bool RevealRemainingAttempts { get; set; } = true;
}
