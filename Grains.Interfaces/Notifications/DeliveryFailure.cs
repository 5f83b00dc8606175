namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>A failed delivery attempt of an outbox message.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="Error">Whether it may work later.</param>
/// <param name="Reason">What went wrong, safe to store and show: no address, number or code, unless masked.</param>
public sealed record DeliveryFailure(string MessageId, DeliveryError Error, string Reason);
