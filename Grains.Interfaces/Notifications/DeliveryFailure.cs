namespace Sesame.Grains.Interfaces.Notifications;

/// <summary>A failed delivery attempt of an outbox message.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="Error">Whether it may work later.</param>
/// <param name="Reason">What went wrong, safe to store and show: no address, number or code, unless masked.</param>
[GenerateSerializer, Immutable, Alias("sesame.DeliveryFailure")]
public sealed record DeliveryFailure([Id(0)] string MessageId, [Id(1)] DeliveryError Error, [Id(2)] string Reason);
