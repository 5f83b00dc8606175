using Orleans.Concurrency;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// Delivers the outboxes of one shard's accounts, one account after the other, keyed like its
/// <see cref="IOutboxIndexGrain"/>. The shard hands it accounts without waiting, so an account that lists itself never
/// waits for a delivery in progress.
/// </summary>
[Alias("sesame.IOutboxCourierGrain")]
public interface IOutboxCourierGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("DeliverAsync")]
    Task DeliverAsync(IReadOnlyList<string> accountKeys);
}
