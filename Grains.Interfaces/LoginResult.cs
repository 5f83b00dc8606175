namespace Sesame.Grains.Interfaces;

/// <summary>The outcome of a sign-in attempt.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RemainingAttempts">Attempts left before a lockout, when the tenant's policy reveals it; otherwise null.</param>
/// <param name="RetryAfter">How long to wait before the next attempt is taken, when locked out.</param>
/// <param name="Session">The session opened by a success.</param>
/// <param name="RenewalAdvised">On success: the secret is older than the tenant advises.</param>
/// <param name="TermsVersionToAccept">On success: the tenant's terms version the member has not accepted yet, if any.</param>
/// <param name="AccessCode">With <see cref="LoginStatus.AccessCodeSent"/>: the code's sign-in id and where it went.</param>
[GenerateSerializer, Immutable, Alias("sesame.LoginResult")]
public sealed record LoginResult([Id(0)] LoginStatus Status, [Id(1)] int? RemainingAttempts = null, [Id(2)] TimeSpan? RetryAfter = null, [Id(3)] NewSession? Session = null, [Id(4)] bool RenewalAdvised = false, [Id(5)] string? TermsVersionToAccept = null, [Id(6)] AccessCodeSent? AccessCode = null)
{
    public static LoginResult AccessCodeExpired { get; } = new(LoginStatus.AccessCodeExpired);

    public static LoginResult NoAccessCodeChannel { get; } = new(LoginStatus.NoAccessCodeChannel);

    public static LoginResult UnknownTenant { get; } = new(LoginStatus.UnknownTenant);

    public static LoginResult RecoveryRequired { get; } = new(LoginStatus.RecoveryRequired);

    public static LoginResult Invalid(int? remainingAttempts) => new(LoginStatus.InvalidCredentials, remainingAttempts);

    public static LoginResult LockedOut(TimeSpan retryAfter) => new(LoginStatus.LockedOut, RetryAfter: retryAfter);
}
