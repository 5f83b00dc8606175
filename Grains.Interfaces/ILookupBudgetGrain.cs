namespace Sesame.Grains.Interfaces;

/// <summary>
/// One budget of identifier lookups in a sliding window, keyed <c>tenant/kind/digest</c> (a NIR's lookup key, a
/// client address's). Its one activation in the cluster counts every silo's lookups, so two silos give no more tries
/// than one; it stays active while its window holds lookups.
/// </summary>
[Alias("sesame.ILookupBudgetGrain")]
public interface ILookupBudgetGrain : IGrainWithStringKey
{
    /// <summary>Takes one lookup if fewer than <paramref name="limit"/> were taken in the window and returns null; otherwise takes nothing and returns how long until there is room.</summary>
    [Alias("TryTakeAsync")]
    Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Gives back the last lookup taken, when another budget of the same lookup refused it.</summary>
    [Alias("GiveBackAsync")]
    Task GiveBackAsync(CancellationToken cancellationToken);
}
