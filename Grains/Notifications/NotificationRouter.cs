using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>Sends e-mails by SMTP when <see cref="SmtpOptions.Host"/> is set, and everything else to the <see cref="DevOutbox"/>.</summary>
internal sealed class NotificationRouter(DevOutbox devOutbox, SmtpEmailSender smtp, IOptions<NotificationOptions> options) : INotificationSender
{
    public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel == CodeChannel.Email && options.Value.Smtp.IsConfigured
            ? smtp.SendAsync(message, cancellationToken)
            : devOutbox.SendAsync(message, cancellationToken);
    }
}
