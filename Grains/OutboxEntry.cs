using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains;

/// <summary>A message in an account's outbox, with its delivery attempts.</summary>
internal sealed record OutboxEntry
{
    public required Notification Message { get; set; }

    public int FailedDeliveries { get; set; }

    /// <summary>Not offered for delivery before this time (after a failed delivery).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? FirstAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DeliveryError? LastError { get; set; }

    /// <summary>What went wrong at the last attempt, as <see cref="DeliveryFailure.Reason"/> says it: masked.</summary>
    public string? LastErrorMessage { get; set; }
}
