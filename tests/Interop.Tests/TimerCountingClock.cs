using Microsoft.Extensions.Time.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// A fake clock that also counts the timers created already set to fire, as a call's deadline is (grain timers and
/// pooled cancellation sources are created idle), so a test can tell that a call has armed its deadline.
/// </summary>
public sealed class TimerCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int armedTimersCreated;

    /// <summary>How many timers were created with a due time, each counted once it waits on this clock.</summary>
    public int ArmedTimersCreated => Volatile.Read(ref armedTimersCreated);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Increment(ref armedTimersCreated);
        }

        return timer;
    }
}
