namespace Sesame.Grains.Notifications;

/// <summary>Sends e-mails and SMS. A failure throws; the message stays in the outbox and is tried again later.</summary>
public interface INotificationSender
{
    Task SendAsync(RenderedMessage message, CancellationToken cancellationToken);
}
