using System.ComponentModel.DataAnnotations;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>Delivery of the accounts' outboxes.</summary>
public sealed class NotificationOptions
{
    /// <summary>
    /// How often every account with a pending message is visited (after a restart, after a failed delivery, or for a
    /// message whose prompt delivery was missed). Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait after a first failed delivery; it doubles with each failure. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts. Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts at e-mails (<c>Sesame:Notifications:Email:MaxAttempts</c>).</summary>
    [Required]
    public ChannelDeliveryOptions Email { get; set; } = new();

    /// <summary>Attempts at queuing letters for the back office (<c>Sesame:Notifications:Letter:MaxAttempts</c>).</summary>
    [Required]
    public ChannelDeliveryOptions Letter { get; set; } = new();

    /// <summary>The SMTP server e-mails go through; without a host they go to the <see cref="DevOutbox"/>.</summary>
    [Required]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The Azure Communication Services resource SMS go through; without a connection string they go to the <see cref="DevOutbox"/>; also its attempts (<c>Sesame:Notifications:Sms:MaxAttempts</c>).</summary>
    [Required]
    public SmsOptions Sms { get; set; } = new();

    /// <summary>The delivery attempts a message on <paramref name="channel"/> gets before it is dead-lettered.</summary>
    public int MaxAttempts(CodeChannel channel) => channel switch
    {
        CodeChannel.Email => Email.MaxAttempts,
        CodeChannel.Sms => Sms.MaxAttempts,
        _ => Letter.MaxAttempts,
    };

    /// <summary>The wait before attempt number <paramref name="failures"/> + 1.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var seconds = FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, failures - 1));
        return seconds >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(seconds);
    }
}
