using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains.Interfaces;

/// <summary>The letters of one tenant waiting to be printed, keyed by the tenant id.</summary>
[Alias("sesame.ILetterQueueGrain")]
public interface ILetterQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a letter; queuing the same id again changes nothing (deliveries are at least once).</summary>
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(PendingLetter letter, CancellationToken cancellationToken);

    /// <summary>The letters waiting, oldest first.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<PendingLetter>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Takes printed letters off the queue; returns how many were waiting.</summary>
    [Alias("RemoveAsync")]
    Task<int> RemoveAsync(IReadOnlyCollection<string> letterIds, CancellationToken cancellationToken);
}
