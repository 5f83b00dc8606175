using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>An e-mail or SMS ready to send.</summary>
/// <param name="Id">The outbox message's id; a redelivery carries the same id, so a sender can drop duplicates.</param>
/// <param name="Tenant">The tenant whose member it is for, whose name and sender it goes out with.</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Destination">The e-mail address or mobile number.</param>
/// <param name="Subject">The e-mail's subject; empty for an SMS.</param>
/// <param name="Body">The text: the e-mail's text part, or the SMS.</param>
/// <param name="HtmlBody">The e-mail's HTML part, saying what the text says; empty for an SMS.</param>
public sealed record RenderedMessage(string Id, string Tenant, CodeChannel Channel, string Destination, string Subject, string Body, string HtmlBody);
