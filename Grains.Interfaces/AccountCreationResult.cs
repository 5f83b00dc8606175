namespace Sesame.Grains.Interfaces;

/// <summary>The outcome of <see cref="IMemberAccountGrain.CreateAsync"/>; <see cref="PinViolation"/> says why a PIN was refused.</summary>
public sealed record AccountCreationResult(AccountCreationStatus Status, PinViolation PinViolation = PinViolation.None)
{
    public static AccountCreationResult Created { get; } = new(AccountCreationStatus.Created);

    public static AccountCreationResult AlreadyExists { get; } = new(AccountCreationStatus.AlreadyExists);

    public static AccountCreationResult UnknownTenant { get; } = new(AccountCreationStatus.UnknownTenant);

    public static AccountCreationResult PinRejected(PinViolation violation) => new(AccountCreationStatus.PinRejected, violation);
}
