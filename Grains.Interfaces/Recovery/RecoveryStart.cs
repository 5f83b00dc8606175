namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>
/// Where the code of a recovery went. An identifier with no account answers like an account with no e-mail on file
/// (a letter), so the reply tells nothing of whether it exists.
/// </summary>
/// <param name="Channel">The channel the code went by.</param>
/// <param name="MaskedDestination">The e-mail address or mobile number, masked, when the tenant shows it; null for letters.</param>
[GenerateSerializer, Immutable, Alias("sesame.RecoveryStart")]
public sealed record RecoveryStart([Id(0)] CodeChannel Channel, [Id(1)] string? MaskedDestination);
