namespace Sesame.Grains.Tests.Notifications;

/// <summary>An SMS <see cref="AcsSmsServer"/> accepted, as its request's JSON said it.</summary>
internal sealed record ReceivedSms(string From, string To, string Message, bool DeliveryReport);
