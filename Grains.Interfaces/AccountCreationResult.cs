namespace Sesame.Grains.Interfaces;

/// <summary>The outcome of <see cref="IMemberAccountGrain.CreateAsync"/>; <see cref="Violations"/> says why a secret was refused.</summary>
public sealed record AccountCreationResult(AccountCreationStatus Status, IReadOnlyList<SecretViolation> Violations)
{
    public static AccountCreationResult Created { get; } = new(AccountCreationStatus.Created, []);

    public static AccountCreationResult AlreadyExists { get; } = new(AccountCreationStatus.AlreadyExists, []);

    public static AccountCreationResult UnknownTenant { get; } = new(AccountCreationStatus.UnknownTenant, []);

    public static AccountCreationResult SecretRejected(IReadOnlyList<SecretViolation> violations) => new(AccountCreationStatus.SecretRejected, violations);
}
