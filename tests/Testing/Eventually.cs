namespace Sesame.Testing;

/// <summary>
/// Waits for work that a test set off on another thread (a timer turn, a server receiving a request) to show its
/// effect. It never moves the manual clock: it only gives other threads a chance, for at most ten seconds unless a
/// longer limit is given (a cluster noticing that a process is gone).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);

    public static Task TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));

    public static Task TrueAsync(Func<bool> condition, TimeSpan limit) => TrueAsync(() => Task.FromResult(condition()), limit);

    public static Task TrueAsync(Func<Task<bool>> condition) => TrueAsync(condition, DefaultLimit);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The condition did not become true within {limit.TotalSeconds} s.");
            }

            await Task.Delay(Pause, TimeProvider.System);
        }
    }
}
