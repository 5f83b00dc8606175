using Microsoft.Extensions.Logging;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Notifications;
using Sesame.Grains.Telemetry;

namespace Sesame.Grains;

/// <summary>
/// Delivers accounts' outboxes, at least once. A message leaves its outbox only after its delivery succeeded, or as a
/// dead letter: at once when the server refused it for good, after the channel's
/// <see cref="NotificationOptions.MaxAttempts"/>, or when its code expired. E-mails and SMS go to the
/// <see cref="INotificationSender"/>, letters to the tenant's print queue.
/// </summary>
[GrainType("outbox-courier")]
internal sealed partial class OutboxCourierGrain(INotificationSender sender, ITenantPolicies tenants, TimeProvider time, MessageMetrics metrics, ILogger<OutboxCourierGrain> logger) : Grain, IOutboxCourierGrain
{
    public async Task DeliverAsync(IReadOnlyList<string> accountKeys)
    {
        ArgumentNullException.ThrowIfNull(accountKeys);
        foreach (var accountKey in accountKeys)
        {
            try
            {
                await DeliverAsync(accountKey, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The messages stay in their outbox; the shard's next sweep hands the account over again.
                LogDeliveryPaused(logger, RedactedException.Of(exception));
            }
        }
    }

    private async Task DeliverAsync(string accountKey, CancellationToken cancellationToken)
    {
        var account = GrainFactory.GetGrain<IMemberAccountGrain>(accountKey);
        var due = await account.GetDueNotificationsAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var tenant = MemberAccountKey.TenantOf(accountKey);
        var portal = tenants.Find(tenant)?.DisplayName is { Length: > 0 } name ? name : tenant;
        var delivered = new List<string>();
        var failed = new List<DeliveryFailure>();
        foreach (var notification in due)
        {
            try
            {
                if (notification.Channel == CodeChannel.Letter)
                {
                    var letter = new PendingLetter(notification.Id, notification.Identifier, notification.Kind, notification.Destination.Split('\n'), notification.Payload, notification.ExpiresAt, time.GetUtcNow());
                    await GrainFactory.GetGrain<ILetterQueueGrain>(tenant).EnqueueAsync(letter, cancellationToken);
                    LogLetterQueued(logger, tenant, notification.Kind);
                }
                else
                {
                    await sender.SendAsync(MessageRenderer.Render(notification, tenant, portal), cancellationToken);
                }

                delivered.Add(notification.Id);
                metrics.Delivered(tenant, notification.Channel);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var failure = DeliveryFailures.Describe(notification.Id, exception);
                LogDeliveryFailed(logger, notification.Channel, notification.Kind, failure.Error, exception.GetType().Name);
                failed.Add(failure);
                metrics.Failed(tenant, notification.Channel, failure.Error);
            }
        }

        await account.AcknowledgeNotificationsAsync(delivered, failed, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter ({Kind}) queued for printing by tenant {Tenant}.")]
    private static partial void LogLetterQueued(ILogger logger, string tenant, NotificationKind kind);

    // The exception's message may hold the destination, so only its type is logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of a {Channel} message ({Kind}) failed ({Error}) with {ExceptionType}.")]
    private static partial void LogDeliveryFailed(ILogger logger, CodeChannel channel, NotificationKind kind, DeliveryError error, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery paused by a failure; the shard's next sweep tries again.")]
    private static partial void LogDeliveryPaused(ILogger logger, Exception exception);
}
