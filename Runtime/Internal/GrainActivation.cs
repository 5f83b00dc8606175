using Microsoft.Extensions.Logging;
using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Internal;

/// <summary>
/// One live instance of a grain. Calls and timer ticks take turns through a FIFO gate, so the grain sees one at a
/// time; a turn that awaits keeps the gate, which is what makes the grain non-reentrant.
/// </summary>
internal sealed partial class GrainActivation(GrainId id, GrainRuntime runtime)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly List<GrainTimer> timers = [];
    private Grain? grain;
    private ActivationStatus status;
    private bool deactivationRequested;
    private DateTimeOffset lastActivity = runtime.Time.GetUtcNow();

    private enum ActivationStatus
    {
        Created,
        Active,
        Deactivated,
    }

    public GrainId Id { get; } = id;

    public GrainRuntime Runtime { get; } = runtime;

    public async Task<T> RunAsync<T>(Func<Grain, Task<T>> call, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (status == ActivationStatus.Deactivated)
            {
                throw new ActivationDeactivatedException();
            }

            if (status == ActivationStatus.Created)
            {
                await ActivateAsync(cancellationToken);
            }

            lastActivity = Runtime.Time.GetUtcNow();
            try
            {
                return await call(grain!);
            }
            catch (Exception exception) when (exception is InconsistentStateException or GrainStorageException)
            {
                // The stored state moved on under this activation, or a write failed and left the grain's memory ahead
                // of (or, if the write landed unseen, behind) the store: the next call must start from a fresh read.
                deactivationRequested = true;
                throw;
            }
        }
        finally
        {
            await EndTurnAsync();
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        timers.Add(timer);
        return timer;
    }

    public void RequestDeactivation() => deactivationRequested = true;

    public async Task RunTimerTickAsync(GrainTimer timer)
    {
        await turn.WaitAsync();
        try
        {
            if (status != ActivationStatus.Active || timer.IsDisposed)
            {
                return;
            }

            await timer.Callback(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InconsistentStateException or GrainStorageException)
        {
            deactivationRequested = true;
            LogTimerFailed(Runtime.Logger, exception, Id);
        }
        catch (Exception exception)
        {
            LogTimerFailed(Runtime.Logger, exception, Id);
        }
        finally
        {
            await EndTurnAsync();
        }
    }

    public void RemoveTimer(GrainTimer timer) => timers.Remove(timer);

    /// <summary>Deactivates the activation if it has been idle since <paramref name="idleSince"/> and no turn is running.</summary>
    public async Task TryCollectAsync(DateTimeOffset idleSince)
    {
        if (!turn.Wait(0))
        {
            return;
        }

        try
        {
            if (status != ActivationStatus.Deactivated && lastActivity <= idleSince)
            {
                await DeactivateAsync();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task StopAsync()
    {
        await turn.WaitAsync();
        try
        {
            if (status != ActivationStatus.Deactivated)
            {
                await DeactivateAsync();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task ActivateAsync(CancellationToken cancellationToken)
    {
        var (instance, states) = Runtime.CreateGrain(this);
        try
        {
            foreach (var state in states)
            {
                await state.ReadStateAsync(cancellationToken);
            }

            await instance.OnActivateAsync(cancellationToken);
        }
        catch
        {
            DisposeTimers();
            throw;
        }

        grain = instance;
        status = ActivationStatus.Active;
    }

    private async Task EndTurnAsync()
    {
        if (deactivationRequested && status != ActivationStatus.Deactivated)
        {
            await DeactivateAsync();
        }

        turn.Release();
    }

    private async Task DeactivateAsync()
    {
        var wasActive = status == ActivationStatus.Active;
        status = ActivationStatus.Deactivated;
        DisposeTimers();
        if (wasActive)
        {
            try
            {
                await grain!.OnDeactivateAsync(CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogDeactivationFailed(Runtime.Logger, exception, Id);
            }
        }

        grain = null;
        Runtime.Remove(this);
    }

    private void DisposeTimers()
    {
        foreach (var timer in timers.ToArray())
        {
            timer.Dispose();
        }

        timers.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A timer of grain {GrainId} failed.")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainId} failed while deactivating.")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId);
}
