using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Notifications;

/// <summary>The SMTP server e-mails go through (<c>Sesame:Notifications:Smtp</c>). Without a host, they go to the dev outbox.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name or address. Default: empty, no SMTP (e-mails go to the dev outbox).</summary>
    [MaxLength(253)]
    public string Host { get; set; } = string.Empty;

    /// <summary>The server's port. Default: 587 (submission with STARTTLS).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected. Default: <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to authenticate with. Default: empty, no authentication.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The account's password or client secret; from configuration or environment, never logged. Default: empty.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The longest wait for connecting and for each exchange with the server. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether e-mails go by SMTP.</summary>
    public bool IsConfigured => Host.Length > 0;
}
