using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>An e-mail or SMS ready to send.</summary>
/// <param name="Id">The outbox message's id; a redelivery carries the same id, so a sender can drop duplicates.</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Destination">The e-mail address or mobile number.</param>
/// <param name="Subject">The e-mail's subject; empty for an SMS.</param>
/// <param name="Body">The text.</param>
public sealed record RenderedMessage(string Id, CodeChannel Channel, string Destination, string Subject, string Body);
