using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains;

/// <summary>A message in an account's outbox, with its delivery attempts.</summary>
[GenerateSerializer, Alias("sesame.state.OutboxEntry")]
internal sealed record OutboxEntry
{
    [Id(0)]
    public required Notification Message { get; set; }

    [Id(1)]
    public int FailedDeliveries { get; set; }

    /// <summary>Not offered for delivery before this time (after a failed delivery).</summary>
    [Id(2)]
    public DateTimeOffset NextAttemptAt { get; set; }

    [Id(3)]
    public DateTimeOffset? FirstAttemptAt { get; set; }

    [Id(4)]
    public DateTimeOffset? LastAttemptAt { get; set; }

    [Id(5)]
    public DeliveryError? LastError { get; set; }

    /// <summary>What went wrong at the last attempt, as <see cref="DeliveryFailure.Reason"/> says it: masked.</summary>
    [Id(6)]
    public string? LastErrorMessage { get; set; }
}
