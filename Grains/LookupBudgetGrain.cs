using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("lookup-budget")]
internal sealed class LookupBudgetGrain(TimeProvider time) : Grain, ILookupBudgetGrain
{
    private readonly LinkedList<DateTimeOffset> lookups = [];

    public Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = time.GetUtcNow();
        while (lookups.First is { } oldest && now - oldest.Value >= window)
        {
            lookups.RemoveFirst();
        }

        if (lookups.Count >= limit)
        {
            return Task.FromResult<TimeSpan?>(lookups.ElementAt(lookups.Count - limit) + window - now);
        }

        lookups.AddLast(now);
        DelayDeactivation(window);
        return Task.FromResult<TimeSpan?>(null);
    }

    public Task GiveBackAsync(CancellationToken cancellationToken)
    {
        if (lookups.Count > 0)
        {
            lookups.RemoveLast();
        }

        return Task.CompletedTask;
    }
}
