using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>
/// Sends e-mails by SMTP when <see cref="SmtpOptions.Host"/> is set, SMS through Azure Communication Services when
/// <see cref="SmsOptions.ConnectionString"/> is set, and everything else to the <see cref="DevOutbox"/>.
/// </summary>
internal sealed class NotificationRouter(DevOutbox devOutbox, SmtpEmailSender smtp, AcsSmsSender sms, IOptions<NotificationOptions> options) : INotificationSender
{
    public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Channel switch
        {
            CodeChannel.Email when options.Value.Smtp.IsConfigured => smtp.SendAsync(message, cancellationToken),
            CodeChannel.Sms when options.Value.Sms.IsConfigured => sms.SendAsync(message, cancellationToken),
            _ => devOutbox.SendAsync(message, cancellationToken),
        };
    }
}
