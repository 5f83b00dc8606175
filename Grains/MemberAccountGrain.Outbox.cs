using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;

namespace Sesame.Grains;

// The account's outbox: messages stored with what they announce, handed to the dispatcher, removed once delivered.
internal sealed partial class MemberAccountGrain
{
    public async Task<IReadOnlyList<Notification>> GetDueNotificationsAsync(CancellationToken cancellationToken)
    {
        // Another replica may have delivered some already: the stored outbox is the truth.
        await account.ReadStateAsync(cancellationToken);
        if (!account.RecordExists)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var outbox = account.State.Outbox;
        var before = outbox.Count;
        if (outbox.RemoveAll(entry => entry.Message.ExpiresAt <= now) > 0)
        {
            // A code past its end is of no use to anyone; its message is dropped rather than delivered late.
            await WriteWithOutboxAsync(before);
        }
        else if (before == 0)
        {
            // Listed with nothing to send: a crash came between emptying the outbox and unlisting it.
            await OutboxIndex.RemoveAsync(GetPrimaryKeyString(), CancellationToken.None);
        }

        return [.. outbox.Where(entry => entry.NextAttemptAt <= now).Select(entry => entry.Message)];
    }

    public async Task AcknowledgeNotificationsAsync(IReadOnlyCollection<string> delivered, IReadOnlyCollection<string> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(failed);
        if (!account.RecordExists)
        {
            return;
        }

        var options = notificationOptions.Value;
        await StoreAsync(state =>
        {
            var now = time.GetUtcNow();
            state.Outbox.RemoveAll(entry => delivered.Contains(entry.Message.Id));
            foreach (var entry in state.Outbox.Where(entry => failed.Contains(entry.Message.Id)))
            {
                entry.FailedDeliveries++;
                entry.NextAttemptAt = now + options.RetryDelay(entry.FailedDeliveries);
            }

            return true;
        });
    }

    private void Enqueue(MemberAccountState state, NotificationKind kind, CodeChannel channel, string destination, string? payload, DateTimeOffset? expiresAt)
    {
        var message = new Notification(Guid.NewGuid().ToString("N"), kind, channel, destination, payload, time.GetUtcNow(), expiresAt, state.ChosenIdentifier ?? state.Identifier);
        state.Outbox.Add(new OutboxEntry { Message = message, NextAttemptAt = message.CreatedAt });
    }

    private IOutboxIndexGrain OutboxIndex => GrainFactory.GetGrain<IOutboxIndexGrain>(OutboxShards.For(GetPrimaryKeyString()));

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
            await OutboxIndex.AddAsync(GetPrimaryKeyString(), CancellationToken.None);
        }

        await account.WriteStateAsync(CancellationToken.None);
        if (outboxAfter > outboxBefore)
        {
            outboxSignal.Notify(GetPrimaryKeyString());
        }
        else if (outboxBefore > 0 && outboxAfter == 0)
        {
            await OutboxIndex.RemoveAsync(GetPrimaryKeyString(), CancellationToken.None);
        }
    }
}
