using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces;

/// <summary>A one-time access code sent after a right password, for the second step of a sign-in.</summary>
/// <param name="FlowId">The id of this sign-in (128 random bits): the code works only with it. Stored only as a hash.</param>
/// <param name="Channel">By e-mail or SMS.</param>
/// <param name="MaskedDestination">Where the code went, masked.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
[GenerateSerializer, Immutable, Alias("sesame.AccessCodeSent")]
public sealed record AccessCodeSent([Id(0)] string FlowId, [Id(1)] CodeChannel Channel, [Id(2)] string MaskedDestination, [Id(3)] DateTimeOffset ExpiresAt);
