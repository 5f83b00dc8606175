using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains.Interfaces;

/// <summary>The messages of one tenant that could not be delivered (dead letters), keyed by the tenant id.</summary>
[Alias("sesame.IDeadLetterGrain")]
public interface IDeadLetterGrain : IGrainWithStringKey
{
    /// <summary>Keeps messages; one kept already with the same id is left as it is (a crash may repeat the add).</summary>
    [Alias("AddAsync")]
    Task AddAsync(IReadOnlyCollection<UndeliveredMessage> messages, CancellationToken cancellationToken);

    /// <summary>The undelivered messages, oldest first.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<UndeliveredMessage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Takes messages the back office has dealt with off the list; returns how many were listed.</summary>
    [Alias("RemoveAsync")]
    Task<int> RemoveAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}
