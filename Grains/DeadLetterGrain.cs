using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Telemetry;

namespace Sesame.Grains;

[GrainType("dead-letters")]
internal sealed class DeadLetterGrain([PersistentState("messages")] IPersistentState<DeadLetterState> deadLetters, MessageMetrics metrics) : Grain, IDeadLetterGrain
{
    public async Task AddAsync(IReadOnlyCollection<UndeliveredMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var added = messages.Where(message => deadLetters.State.Messages.All(kept => kept.Id != message.Id)).ToList();
        if (added.Count > 0)
        {
            deadLetters.State.Messages.AddRange(added);
            await deadLetters.WriteStateAsync(CancellationToken.None);
            foreach (var message in added)
            {
                metrics.DeadLettered(this.GetPrimaryKeyString(), message);
            }
        }
    }

    public Task<IReadOnlyList<UndeliveredMessage>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UndeliveredMessage>>([.. deadLetters.State.Messages]);

    public async Task<int> RemoveAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var removed = deadLetters.State.Messages.RemoveAll(message => messageIds.Contains(message.Id));
        if (removed > 0)
        {
            await deadLetters.WriteStateAsync(CancellationToken.None);
        }

        return removed;
    }
}
