using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Recovery;

/// <summary>
/// Counts identifier lookups against several budgets at once (a NIR's, a client address's), each a
/// <see cref="ILookupBudgetGrain"/> shared by the whole cluster, for known and unknown NIRs alike so that the limit
/// itself tells nothing.
/// </summary>
internal sealed class LookupLimiter(IGrainFactory grains)
{
    /// <summary>
    /// Counts one lookup on every budget if each is under its limit and returns null; otherwise counts nothing and
    /// returns how long until the fullest budget has room again.
    /// </summary>
    public async Task<TimeSpan?> TryAcquireAsync(IReadOnlyList<(string Key, int Limit)> budgets, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var taken = new List<ILookupBudgetGrain>();
        TimeSpan? wait = null;
        foreach (var (key, limit) in budgets)
        {
            var budget = grains.GetGrain<ILookupBudgetGrain>(key);
            if (await budget.TryTakeAsync(limit, window, cancellationToken) is { } full)
            {
                wait = wait is null || full > wait ? full : wait;
            }
            else
            {
                taken.Add(budget);
            }
        }

        if (wait is not null)
        {
            foreach (var budget in taken)
            {
                await budget.GiveBackAsync(CancellationToken.None);
            }
        }

        return wait;
    }
}
