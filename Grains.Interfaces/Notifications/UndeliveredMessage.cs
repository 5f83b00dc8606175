using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>
/// A message that left an account's outbox undelivered (a dead letter), for the tenant's back office: who it was for
/// and why it failed, never what it said (no code, no identifier sent).
/// </summary>
/// <param name="Id">The outbox message's id.</param>
/// <param name="Identifier">The member's identifier, by which the back office finds the account.</param>
/// <param name="Kind">What the message said.</param>
/// <param name="Channel">How it was to travel.</param>
/// <param name="MaskedDestination">The address or number, masked (<c>s****@c****.fr</c>); empty for a letter.</param>
/// <param name="Reason">Why it left the outbox.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="CreatedAt">When the message was written.</param>
/// <param name="FirstAttemptAt">When delivery was first tried, if it was.</param>
/// <param name="LastAttemptAt">When delivery was last tried, if it was.</param>
/// <param name="LastError">How the last attempt failed, if one did.</param>
/// <param name="LastErrorMessage">What went wrong at the last attempt, with the destination masked; empty if none.</param>
[GenerateSerializer, Immutable, Alias("sesame.UndeliveredMessage")]
public sealed record UndeliveredMessage(
    [Id(0)] string Id,
    [Id(1)] string Identifier,
    [Id(2)] NotificationKind Kind,
    [Id(3)] CodeChannel Channel,
    [Id(4)] string MaskedDestination,
    [Id(5)] UndeliveredReason Reason,
    [Id(6)] int Attempts,
    [Id(7)] DateTimeOffset CreatedAt,
    [Id(8)] DateTimeOffset? FirstAttemptAt,
    [Id(9)] DateTimeOffset? LastAttemptAt,
    [Id(10)] DeliveryError? LastError,
    [Id(11)] string LastErrorMessage);
