namespace Sesame.Grains.Interfaces;

/// <summary>
/// Creates the spaces whose deadline passed without a decision, once per cluster (the one key is <c>all</c>): a sweep
/// when woken (each silo wakes it at start) and every sweep interval, with a reminder that brings it back on a surviving silo.
/// </summary>
[Alias("sesame.ISpaceDeadlineSweeperGrain")]
public interface ISpaceDeadlineSweeperGrain : IGrainWithStringKey
{
    /// <summary>Starts the schedule if it is not running, and sweeps now.</summary>
    [Alias("WakeAsync")]
    Task WakeAsync(CancellationToken cancellationToken);
}
