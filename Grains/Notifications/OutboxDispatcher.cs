using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Notifications;

/// <summary>
/// Delivers the accounts' outboxes, at least once: at once when an account signals a new message, and on a sweep of
/// the outbox index at start and every <see cref="NotificationOptions.SweepInterval"/>. A message leaves its outbox
/// only after its delivery succeeded, or as a dead letter: at once when the server refused it for good, after the
/// channel's <see cref="NotificationOptions.MaxAttempts"/>, or when its code expired. E-mails and SMS go to the
/// <see cref="INotificationSender"/>, letters to the tenant's print queue.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IGrainFactory grains,
    OutboxSignal signal,
    INotificationSender sender,
    ITenantPolicies tenants,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const string SweepMarker = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The timer exists once the host has started (tests count the clock's timers); messages stored before a crash
        // or a restart are found by the first sweep, at once.
        var interval = options.Value.SweepInterval;
        using var sweeps = time.CreateTimer(_ => signal.Notify(SweepMarker), null, interval, interval);
        signal.Notify(SweepMarker);
        await foreach (var accountKey in signal.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (accountKey == SweepMarker)
                {
                    await SweepAsync(stoppingToken);
                }
                else
                {
                    await DeliverAsync(accountKey, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The messages stay in their outboxes; the next sweep tries again.
                LogStorageFailure(logger, exception);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var shard in OutboxShards.All)
        {
            foreach (var accountKey in await grains.GetGrain<IOutboxIndexGrain>(shard).ListAsync(cancellationToken))
            {
                await DeliverAsync(accountKey, cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(string accountKey, CancellationToken cancellationToken)
    {
        var account = grains.GetGrain<IMemberAccountGrain>(accountKey);
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
                    await grains.GetGrain<ILetterQueueGrain>(tenant).EnqueueAsync(letter, cancellationToken);
                    LogLetterQueued(logger, tenant, notification.Kind);
                }
                else
                {
                    await sender.SendAsync(MessageRenderer.Render(notification, tenant, portal), cancellationToken);
                }

                delivered.Add(notification.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var failure = DeliveryFailures.Describe(notification.Id, exception);
                LogDeliveryFailed(logger, notification.Channel, notification.Kind, failure.Error, exception.GetType().Name);
                failed.Add(failure);
            }
        }

        await account.AcknowledgeNotificationsAsync(delivered, failed, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter ({Kind}) queued for printing by tenant {Tenant}.")]
    private static partial void LogLetterQueued(ILogger logger, string tenant, NotificationKind kind);

    // The exception's message may hold the destination, so only its type is logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of a {Channel} message ({Kind}) failed ({Error}) with {ExceptionType}.")]
    private static partial void LogDeliveryFailed(ILogger logger, CodeChannel channel, NotificationKind kind, DeliveryError error, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery paused by a failure; the next sweep tries again.")]
    private static partial void LogStorageFailure(ILogger logger, Exception exception);
}
