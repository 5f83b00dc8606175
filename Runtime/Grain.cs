using Sesame.Runtime.Internal;

namespace Sesame.Runtime;

/// <summary>
/// Base class of grain implementations. One activation handles one call at a time (no reentrancy); its timers run
/// as turns too, so grain code never needs locks.
/// </summary>
public abstract class Grain
{
    private GrainActivation? activation;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.Id;

    /// <summary>Reaches other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    private GrainActivation Activation =>
        activation ?? throw new InvalidOperationException("The grain is not attached to an activation; grains are created by the runtime only.");

    /// <summary>Called once before the first call of an activation, after its persistent state is loaded.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation is collected or the runtime stops.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The string key this grain was addressed by.</summary>
    protected string GetPrimaryKeyString() => Activation.Id.Key;

    /// <summary>
    /// Starts a timer driven by the runtime's <see cref="TimeProvider"/>. Each tick runs as a turn of this activation;
    /// the timer ends with the activation, so durable deadlines must also be persisted.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>Deactivates this activation once the current turn ends; the next call activates a fresh one.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();

    internal void Attach(GrainActivation owner) => activation = owner;
}
