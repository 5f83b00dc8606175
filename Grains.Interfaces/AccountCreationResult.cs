namespace Sesame.Grains.Interfaces;

/// <summary>The outcome of <see cref="IMemberAccountGrain.CreateAsync"/>; <see cref="Violations"/> says why a secret was refused.</summary>
[GenerateSerializer, Immutable, Alias("sesame.AccountCreationResult")]
public sealed record AccountCreationResult([Id(0)] AccountCreationStatus Status, [Id(1)] IReadOnlyList<SecretViolation> Violations)
{
    public static AccountCreationResult Created { get; } = new(AccountCreationStatus.Created, []);

    public static AccountCreationResult AlreadyExists { get; } = new(AccountCreationStatus.AlreadyExists, []);

    public static AccountCreationResult UnknownTenant { get; } = new(AccountCreationStatus.UnknownTenant, []);

    public static AccountCreationResult SecretRejected(IReadOnlyList<SecretViolation> violations) => new(AccountCreationStatus.SecretRejected, violations);
}
