using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Notifications;

/// <summary>
/// The Azure Communication Services resource SMS go through (<c>Sesame:Notifications:Sms</c>). Without a connection
/// string, they go to the dev outbox.
/// </summary>
public sealed class SmsOptions
{
    /// <summary>
    /// The resource's connection string, <c>endpoint=https://{resource}.communication.azure.com/;accesskey={base64}</c>;
    /// from the environment or a secret store, never logged. Default: empty, no SMS provider (SMS go to the dev outbox).
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The longest wait for each attempt's reply. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first when the service answers 408, 429 or 5xx or cannot be reached. Default: 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; it grows exponentially, or follows the service's Retry-After. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Delivery attempts by the outbox, the first included, before an SMS that keeps failing is dead-lettered
    /// (1 to 100, checked at start). Default: 8.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Whether SMS go through Azure Communication Services.</summary>
    public bool IsConfigured => ConnectionString.Length > 0;
}
