using Sesame.Grains.Interfaces.Notifications;
using Sesame.Runtime;

namespace Sesame.Grains.Interfaces;

/// <summary>The letters of one tenant waiting to be printed, keyed by the tenant id.</summary>
public interface ILetterQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a letter; queuing the same id again changes nothing (deliveries are at least once).</summary>
    Task EnqueueAsync(PendingLetter letter, CancellationToken cancellationToken);

    /// <summary>The letters waiting, oldest first.</summary>
    Task<IReadOnlyList<PendingLetter>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Takes printed letters off the queue; returns how many were waiting.</summary>
    Task<int> RemoveAsync(IReadOnlyCollection<string> letterIds, CancellationToken cancellationToken);
}
