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
public sealed record Notification(string Id, NotificationKind Kind, CodeChannel Channel, string Destination, string? Payload, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Identifier);
