using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces;

/// <summary>A one-time access code sent after a right password, for the second step of a sign-in.</summary>
/// <param name="FlowId">The id of this sign-in (128 random bits): the code works only with it. Stored only as a hash.</param>
/// <param name="Channel">By e-mail or SMS.</param>
/// <param name="MaskedDestination">Where the code went, masked.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record AccessCodeSent(string FlowId, CodeChannel Channel, string MaskedDestination, DateTimeOffset ExpiresAt);
