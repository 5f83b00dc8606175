using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Notifications;

/// <summary>How hard the outbox tries one channel before giving a message up as undelivered.</summary>
public sealed class ChannelDeliveryOptions
{
    /// <summary>
    /// Delivery attempts, the first included, before a message that keeps failing is dead-lettered. Default: 8 (with
    /// the default waits, the last about an hour after the first).
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;
}
