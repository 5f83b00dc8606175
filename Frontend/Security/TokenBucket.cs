namespace Sesame.Frontend.Security;

/// <summary>A token bucket on the injected clock, so tests move time instead of waiting.</summary>
internal sealed class TokenBucket
{
    private readonly Lock gate = new();
    private readonly double permitsPerSecond;
    private readonly double burst;
    private readonly TimeProvider time;
    private double tokens;
    private long lastRefill;

    public TokenBucket(RateLimitOptions options, TimeProvider time)
    {
        permitsPerSecond = options.PermitsPerSecond;
        burst = options.Burst;
        this.time = time;
        tokens = burst;
        lastRefill = time.GetTimestamp();
    }

    public bool TryAcquire()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(lastRefill, now).TotalSeconds * permitsPerSecond));
            lastRefill = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
