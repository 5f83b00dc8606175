namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>
/// The outcome of entering a one-time code. A refusal never says why (wrong, expired, used up, none sent, too many
/// tries): each reason would tell an attacker something.
/// </summary>
/// <param name="ResetToken">On success: the token that allows choosing the new secret, once, for a short time.</param>
/// <param name="ResetExpiresAt">On success: when the token stops working.</param>
[GenerateSerializer, Immutable, Alias("sesame.CodeVerification")]
public sealed record CodeVerification([Id(0)] string? ResetToken, [Id(1)] DateTimeOffset? ResetExpiresAt)
{
    public static CodeVerification Refused { get; } = new(null, null);

    public bool Verified => ResetToken is not null;
}
