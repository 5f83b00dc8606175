namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of <see cref="IMemberAccountGrain.ResetSecretAsync"/>; <see cref="Violations"/> says why a secret was refused.</summary>
[GenerateSerializer, Immutable, Alias("sesame.SecretResetResult")]
public sealed record SecretResetResult([Id(0)] SecretResetStatus Status, [Id(1)] IReadOnlyList<SecretViolation> Violations)
{
    public static SecretResetResult Changed { get; } = new(SecretResetStatus.Changed, []);

    public static SecretResetResult ResetRefused { get; } = new(SecretResetStatus.ResetRefused, []);

    public static SecretResetResult SecretRejected(IReadOnlyList<SecretViolation> violations) => new(SecretResetStatus.SecretRejected, violations);
}
