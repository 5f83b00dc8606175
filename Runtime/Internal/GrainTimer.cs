namespace Sesame.Runtime.Internal;

internal sealed class GrainTimer : IGrainTimer
{
    private readonly GrainActivation owner;
    private readonly ITimer timer;
    private volatile bool disposed;

    public GrainTimer(GrainActivation owner, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        this.owner = owner;
        Callback = callback;
        timer = owner.Runtime.Time.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);
    }

    public Func<CancellationToken, Task> Callback { get; }

    public bool IsDisposed => disposed;

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        timer.Change(dueTime, period);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        timer.Dispose();
        owner.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (!disposed)
        {
            _ = owner.RunTimerTickAsync(this);
        }
    }
}
