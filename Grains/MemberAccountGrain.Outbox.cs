using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;
using Sesame.Grains.Recovery;

namespace Sesame.Grains;

// The account's outbox: messages stored with what they announce, handed to the dispatcher, removed once delivered.
internal sealed partial class MemberAccountGrain
{
    public async Task<IReadOnlyList<Notification>> GetDueNotificationsAsync(CancellationToken cancellationToken)
    {
        if (!account.RecordExists)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var outbox = account.State.Outbox;
        var before = outbox.Count;
        var expired = outbox.Where(entry => entry.Message.ExpiresAt <= now).ToList();
        if (expired.Count > 0)
        {
            // A code past its end is of no use to anyone: its message is given up rather than delivered late, and the
            // back office sees it among the undelivered.
            await DeadLetters.AddAsync([.. expired.Select(entry => Undelivered(entry, UndeliveredReason.Expired))], CancellationToken.None);
            outbox.RemoveAll(expired.Contains);
            await WriteWithOutboxAsync(before);
        }
        else if (before == 0)
        {
            // Listed with nothing to send: a crash came between emptying the outbox and unlisting it.
            await OutboxIndex.RemoveAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }

        return [.. outbox.Where(entry => entry.NextAttemptAt <= now).Select(entry => entry.Message)];
    }

    public async Task AcknowledgeNotificationsAsync(IReadOnlyCollection<string> delivered, IReadOnlyCollection<DeliveryFailure> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(failed);
        if (!account.RecordExists)
        {
            return;
        }

        var options = notificationOptions.Value;
        var now = time.GetUtcNow();
        var failures = failed.ToDictionary(failure => failure.MessageId, StringComparer.Ordinal);
        var deadLetters = new List<UndeliveredMessage>();
        foreach (var entry in account.State.Outbox.Where(entry => failures.ContainsKey(entry.Message.Id)))
        {
            var failure = failures[entry.Message.Id];
            var attempts = entry.FailedDeliveries + 1;
            if (failure.Error == DeliveryError.Refused || attempts >= options.MaxAttempts(entry.Message.Channel))
            {
                var reason = failure.Error == DeliveryError.Refused ? UndeliveredReason.Refused : UndeliveredReason.AttemptsExhausted;
                deadLetters.Add(Undelivered(Failed(entry with { }, failure, now), reason));
            }
        }

        // Dead letters are written before their messages leave the outbox: a crash in between leaves a message in both,
        // and the next failure adds it again under the same id, which changes nothing.
        if (deadLetters.Count > 0)
        {
            await DeadLetters.AddAsync(deadLetters, CancellationToken.None);
        }

        // A last attempt that succeeded may follow one whose dead letter was written before a crash: it is withdrawn.
        var deliveredLast = account.State.Outbox
            .Where(entry => delivered.Contains(entry.Message.Id) && entry.FailedDeliveries + 1 >= options.MaxAttempts(entry.Message.Channel))
            .Select(entry => entry.Message.Id)
            .ToList();
        if (deliveredLast.Count > 0)
        {
            await DeadLetters.RemoveAsync(deliveredLast, CancellationToken.None);
        }

        var given = deadLetters.Select(message => message.Id).ToHashSet(StringComparer.Ordinal);
        await StoreAsync(state =>
        {
            state.Outbox.RemoveAll(entry => delivered.Contains(entry.Message.Id) || given.Contains(entry.Message.Id));
            foreach (var entry in state.Outbox.Where(entry => failures.ContainsKey(entry.Message.Id)))
            {
                Failed(entry, failures[entry.Message.Id], now);
                entry.NextAttemptAt = now + options.RetryDelay(entry.FailedDeliveries);
            }

            return true;
        });
    }

    private void Enqueue(MemberAccountState state, NotificationKind kind, CodeChannel channel, string destination, string? payload, DateTimeOffset? expiresAt)
    {
        var message = new Notification(Guid.NewGuid().ToString("N"), kind, channel, destination, payload, time.GetUtcNow(), expiresAt, profile.State.ChosenIdentifier ?? profile.State.Identifier);
        state.Outbox.Add(new OutboxEntry { Message = message, NextAttemptAt = message.CreatedAt });
    }

    private static OutboxEntry Failed(OutboxEntry entry, DeliveryFailure failure, DateTimeOffset now)
    {
        entry.FailedDeliveries++;
        entry.FirstAttemptAt ??= now;
        entry.LastAttemptAt = now;
        entry.LastError = failure.Error;
        entry.LastErrorMessage = failure.Reason;
        return entry;
    }

    /// <summary>What the back office may see of a message given up: never its code nor what it says.</summary>
    private static UndeliveredMessage Undelivered(OutboxEntry entry, UndeliveredReason reason)
    {
        var message = entry.Message;
        // Masking needs a few characters; a destination too short to mask is not shown at all.
        var masked = message.Channel switch
        {
            CodeChannel.Email when message.Destination.LastIndexOf('@') is > 0 and var at && at < message.Destination.Length - 1 => Masking.Email(message.Destination),
            CodeChannel.Sms when message.Destination.Length >= 6 => Masking.Mobile(message.Destination),
            CodeChannel.Letter => string.Empty,
            _ => "****",
        };
        return new UndeliveredMessage(
            message.Id,
            message.Identifier,
            message.Kind,
            message.Channel,
            masked,
            reason,
            entry.FailedDeliveries,
            message.CreatedAt,
            entry.FirstAttemptAt,
            entry.LastAttemptAt,
            entry.LastError,
            entry.LastErrorMessage ?? string.Empty);
    }

    private IDeadLetterGrain DeadLetters => GrainFactory.GetGrain<IDeadLetterGrain>(MemberAccountKey.TenantOf(this.GetPrimaryKeyString()));

    private IOutboxIndexGrain OutboxIndex => GrainFactory.GetGrain<IOutboxIndexGrain>(OutboxShards.For(this.GetPrimaryKeyString()));

    /// <summary>
    /// Writes the state, given the outbox's size before the change. With new messages, the account is listed in the
    /// outbox index first and the dispatcher told after; once the outbox is emptied it is unlisted after. Within the
    /// account's turn nothing else can add a message, so the index never misses an account that has one.
    /// </summary>
    private async Task WriteWithOutboxAsync(int outboxBefore)
    {
        var outboxAfter = account.State.Outbox.Count;
        if (outboxAfter > outboxBefore)
        {
            await OutboxIndex.AddAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }

        await account.WriteStateAsync(CancellationToken.None);
        backlog.Track(this.GetPrimaryKeyString(), account.State.Outbox);
        if (outboxBefore > 0 && outboxAfter == 0)
        {
            await OutboxIndex.RemoveAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        }
    }
}
