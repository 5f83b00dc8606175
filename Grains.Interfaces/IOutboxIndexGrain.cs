
namespace Sesame.Grains.Interfaces;

/// <summary>
/// One shard of the list of accounts that may have messages to deliver. An account adds itself before it stores a
/// message and removes itself once its outbox is empty, so after a crash the dispatcher finds every pending message.
/// </summary>
[Alias("sesame.IOutboxIndexGrain")]
public interface IOutboxIndexGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
