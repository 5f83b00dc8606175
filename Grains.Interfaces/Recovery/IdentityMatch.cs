namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>A member whose NIR, birth date and postal code match an identifier lookup.</summary>
/// <param name="Identifier">The identifier the member signs in with.</param>
/// <param name="Channel">How the identifier reaches the member: by e-mail, or by SMS where the tenant allows it; null when neither does.</param>
/// <param name="MaskedDestination">Where it goes, masked; null with no channel.</param>
[GenerateSerializer, Immutable, Alias("sesame.IdentityMatch")]
public sealed record IdentityMatch([Id(0)] string Identifier, [Id(1)] CodeChannel? Channel, [Id(2)] string? MaskedDestination);
