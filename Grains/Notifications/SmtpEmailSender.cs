using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>
/// Sends e-mails through the SMTP server of <see cref="SmtpOptions"/> with MailKit, one connection per message. Each
/// e-mail is multipart (text and HTML), from the tenant's sender, with a Message-ID made from the outbox message's id,
/// so a redelivery after a lost reply is recognisable as the same message. A failure throws, so the outbox keeps the
/// message: a permanent refusal (5xx for the recipient or the message) as <see cref="NotificationRefusedException"/>,
/// anything else as it came. Logs show the destination masked, never the password nor the message.
/// </summary>
internal sealed partial class SmtpEmailSender(ITenantPolicies tenants, IOptions<NotificationOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger) : INotificationSender
{
    /// <summary>The Message-ID of the e-mail for outbox message <paramref name="id"/> of <paramref name="tenant"/>, without angle brackets.</summary>
    public static string MessageIdFor(string id, string tenant) => $"{id}@sesame.{tenant}";

    public async Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        var masked = Masking.Email(message.Destination);
        if (!MailboxAddress.TryParse(message.Destination, out var recipient))
        {
            LogRecipientRefused(logger, message.Tenant, message.Destination, 0);
            throw new NotificationRefusedException($"{masked} is not an e-mail address.");
        }

        using var email = Compose(message, recipient);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (smtp.UserName.Length > 0)
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
            }

            await client.SendAsync(email, cancellationToken);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500 && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // The server's text may quote the address: only its status code is kept.
            if (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                LogRecipientRefused(logger, message.Tenant, message.Destination, (int)exception.StatusCode);
            }
            else
            {
                LogMessageRefused(logger, message.Tenant, message.Destination, (int)exception.StatusCode);
            }

            throw new NotificationRefusedException($"The SMTP server refused the e-mail to {masked} ({(int)exception.StatusCode} {exception.ErrorCode}).", exception);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            LogSenderRefused(logger, message.Tenant, email.From.ToString(), (int)exception.StatusCode);
            throw;
        }
        catch (AuthenticationException)
        {
            LogAuthenticationFailed(logger, smtp.Host);
            throw;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogTransientFailure(logger, message.Tenant, message.Destination, exception.GetType().Name);
            throw;
        }

        LogSent(logger, message.Tenant, message.Destination, MessageIdFor(message.Id, message.Tenant));
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SmtpProtocolException or SmtpCommandException)
        {
            // The server took the message (250): a failed goodbye must not make the outbox send it again.
        }
    }

    private MimeMessage Compose(RenderedMessage message, MailboxAddress recipient)
    {
        var policy = tenants.Find(message.Tenant);
        var sender = policy?.Email ?? new EmailPolicy();
        var senderName = sender.FromName.Length > 0 ? sender.FromName : policy?.DisplayName is { Length: > 0 } name ? name : message.Tenant;
        var email = new MimeMessage
        {
            MessageId = MessageIdFor(message.Id, message.Tenant),
            Date = time.GetUtcNow(),
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        email.From.Add(new MailboxAddress(senderName, sender.FromAddressFor(message.Tenant)));
        email.To.Add(recipient);

        // RFC 3834: out-of-office replies and the like are not sent back to an automatic message.
        email.Headers.Add("Auto-Submitted", "auto-generated");
        return email;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail <{MessageId}> of tenant {Tenant} to {Destination} accepted by the SMTP server.")]
    private static partial void LogSent(ILogger logger, string tenant, [CorrelatableData] string destination, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server refused the recipient {Destination} of tenant {Tenant} for good ({StatusCode}); sending again will not help.")]
    private static partial void LogRecipientRefused(ILogger logger, string tenant, [CorrelatableData] string destination, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server refused the e-mail of tenant {Tenant} to {Destination} for good ({StatusCode}); sending again will not help.")]
    private static partial void LogMessageRefused(ILogger logger, string tenant, [CorrelatableData] string destination, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMTP server refused the sender {Sender} of tenant {Tenant} ({StatusCode}): check Sesame:Tenants:{Tenant}:Email:FromAddress. The e-mail will be tried again.")]
    private static partial void LogSenderRefused(ILogger logger, string tenant, string sender, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Authentication with the SMTP server {Host} failed: check Sesame:Notifications:Smtp:UserName and Password. The e-mail will be tried again.")]
    private static partial void LogAuthenticationFailed(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail of tenant {Tenant} to {Destination} not sent ({ExceptionType}); it will be tried again.")]
    private static partial void LogTransientFailure(ILogger logger, string tenant, [CorrelatableData] string destination, string exceptionType);
}
