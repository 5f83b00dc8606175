using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains;

/// <summary>A message in an account's outbox, with its delivery attempts.</summary>
internal sealed class OutboxEntry
{
    public required Notification Message { get; set; }

    public int FailedDeliveries { get; set; }

    /// <summary>Not offered for delivery before this time (after a failed delivery).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
