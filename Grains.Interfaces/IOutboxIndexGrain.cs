namespace Sesame.Grains.Interfaces;

/// <summary>
/// One shard of the accounts that may have messages to deliver, keyed <c>shard-NN</c>, and the schedule of their
/// delivery: once per cluster, whichever silo holds the shard. An account adds itself before it stores a message and
/// removes itself once its outbox is empty, so after a crash every pending message is found again; a reminder brings
/// the shard back on a surviving silo.
/// </summary>
[Alias("sesame.IOutboxIndexGrain")]
public interface IOutboxIndexGrain : IGrainWithStringKey
{
    /// <summary>Lists the account and has its outbox delivered at once.</summary>
    [Alias("AddAsync")]
    Task AddAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string accountKey, CancellationToken cancellationToken);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Starts the shard's schedule if it is not running (its sweeps, and the reminder that restarts them) and sweeps now.</summary>
    [Alias("WakeAsync")]
    Task WakeAsync(CancellationToken cancellationToken);
}
