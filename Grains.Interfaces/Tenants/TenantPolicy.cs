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

    /// <summary>Whether replies tell the member how many attempts remain ("il vous reste N tentatives"). Default: true.</summary>
    public bool RevealRemainingAttempts { get; set; } = true;
}
