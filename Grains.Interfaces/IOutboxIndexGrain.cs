using Sesame.Runtime;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// One shard of the list of accounts that may have messages to deliver. An account adds itself before it stores a
/// message and removes itself once its outbox is empty, so after a crash the dispatcher finds every pending message.
/// </summary>
public interface IOutboxIndexGrain : IGrainWithStringKey
{
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    Task RemoveAsync(string accountKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
