using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>The secret members sign in with.</summary>
public sealed class SecretPolicy
{
    /// <summary>Default: <see cref="SecretKind.Pin"/>.</summary>
    public SecretKind Kind { get; set; } = SecretKind.Pin;

    /// <summary>The rules when <see cref="Kind"/> is <see cref="SecretKind.Password"/>.</summary>
    [Required]
    public PasswordRules Password { get; set; } = new();

    /// <summary>
    /// A secret older than this gets "renewal advised" on sign-in (mnt: "un changement souhaité tous les 6 mois").
    /// Default: never.
    /// </summary>
    public TimeSpan? RenewalAdvisedAfter { get; set; }
}
