namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of <see cref="IMemberAccountGrain.ResetSecretAsync"/>; <see cref="Violations"/> says why a secret was refused.</summary>
public sealed record SecretResetResult(SecretResetStatus Status, IReadOnlyList<SecretViolation> Violations)
{
    public static SecretResetResult Changed { get; } = new(SecretResetStatus.Changed, []);

    public static SecretResetResult ResetRefused { get; } = new(SecretResetStatus.ResetRefused, []);

    public static SecretResetResult SecretRejected(IReadOnlyList<SecretViolation> violations) => new(SecretResetStatus.SecretRejected, violations);
}
