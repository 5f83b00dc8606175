using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>
/// A message waiting in an account's outbox. It is stored in the same write as whatever it announces (a code, a
/// change), and leaves the outbox only once delivered, so a crash in between loses nothing.
/// </summary>
/// <param name="Id">Unique; a redelivery carries the same id.</param>
/// <param name="Kind">What the message says.</param>
/// <param name="Channel">How it travels.</param>
/// <param name="Destination">The e-mail address, the mobile number, or the postal address lines joined by new lines.</param>
/// <param name="Payload">The code or identifier it carries, if any.</param>
/// <param name="CreatedAt">When the message was written.</param>
/// <param name="ExpiresAt">When the code it carries stops working, if it carries one.</param>
/// <param name="Identifier">The member's identifier, printed on letters.</param>
[GenerateSerializer, Immutable, Alias("sesame.Notification")]
public sealed record Notification([Id(0)] string Id, [Id(1)] NotificationKind Kind, [Id(2)] CodeChannel Channel, [Id(3)] string Destination, [Id(4)] string? Payload, [Id(5)] DateTimeOffset CreatedAt, [Id(6)] DateTimeOffset? ExpiresAt, [Id(7)] string Identifier);
