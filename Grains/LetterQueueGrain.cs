using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains;

[GrainType("letter-queue")]
internal sealed class LetterQueueGrain([PersistentState("letters")] IPersistentState<LetterQueueState> queue) : Grain, ILetterQueueGrain
{
    public async Task EnqueueAsync(PendingLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (queue.State.Letters.All(queued => queued.Id != letter.Id))
        {
            queue.State.Letters.Add(letter);
            await queue.WriteStateAsync(CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<PendingLetter>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PendingLetter>>([.. queue.State.Letters]);

    public async Task<int> RemoveAsync(IReadOnlyCollection<string> letterIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letterIds);
        var removed = queue.State.Letters.RemoveAll(letter => letterIds.Contains(letter.Id));
        if (removed > 0)
        {
            await queue.WriteStateAsync(CancellationToken.None);
        }

        return removed;
    }
}
