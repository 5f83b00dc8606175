namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>What members of a tenant sign in with.</summary>
[GenerateSerializer, Alias("sesame.SecretKind")]
public enum SecretKind
{
    /// <summary>A six-digit PIN ("mot de passe à 6 chiffres").</summary>
    Pin = 0,

    /// <summary>A password under <see cref="PasswordRules"/>.</summary>
    Password = 1,
}
