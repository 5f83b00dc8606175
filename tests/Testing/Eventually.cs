namespace Sesame.Testing;

/// <summary>
/// Waits for work that a test set off on another thread (a timer turn, a server receiving a request) to show its
/// effect. It never moves the manual clock: it only gives other threads a chance, for at most ten seconds.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);

    public static Task TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));

    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The condition did not become true within {Limit.TotalSeconds} s.");
            }

            await Task.Delay(Pause, TimeProvider.System);
        }
    }
}
