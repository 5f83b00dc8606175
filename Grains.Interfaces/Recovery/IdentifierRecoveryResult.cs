namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>The outcome of <see cref="IIdentifierLookupGrain.RecoverAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RetryAfter">With <see cref="IdentifierRecoveryStatus.TooManyAttempts"/>: how long until the spent budget has room again.</param>
/// <param name="MaskedEmails">Where identifiers went by e-mail, masked.</param>
/// <param name="MaskedMobiles">Where identifiers went by SMS, masked.</param>
[GenerateSerializer, Immutable, Alias("sesame.IdentifierRecoveryResult")]
public sealed record IdentifierRecoveryResult([Id(0)] IdentifierRecoveryStatus Status, [Id(1)] TimeSpan? RetryAfter, [Id(2)] IReadOnlyList<string> MaskedEmails, [Id(3)] IReadOnlyList<string> MaskedMobiles)
{
    public static IdentifierRecoveryResult IbanRequired { get; } = new(IdentifierRecoveryStatus.IbanRequired, null, [], []);

    public static IdentifierRecoveryResult TooManyAttempts(TimeSpan retryAfter) => new(IdentifierRecoveryStatus.TooManyAttempts, retryAfter, [], []);

    public static IdentifierRecoveryResult EmailSent(IReadOnlyList<string> maskedEmails, IReadOnlyList<string> maskedMobiles) => new(IdentifierRecoveryStatus.EmailSent, null, maskedEmails, maskedMobiles);

    public static IdentifierRecoveryResult SmsSent(IReadOnlyList<string> maskedMobiles) => new(IdentifierRecoveryStatus.SmsSent, null, [], maskedMobiles);
}
