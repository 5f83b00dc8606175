using Microsoft.Extensions.Time.Testing;
using Sesame.Frontend.Security;

namespace Sesame.Frontend.Tests.Security;

public sealed class TokenBucketTests
{
    [Fact]
    public void TryAcquire_BurstSpent_RefusedUntilTimeRefills()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(new RateLimitOptions { PermitsPerSecond = 2, Burst = 3 }, clock);

        var burst = Enumerable.Range(0, 4).Select(_ => bucket.TryAcquire()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var beforeAToken = bucket.TryAcquire();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var afterAToken = new[] { bucket.TryAcquire(), bucket.TryAcquire() };

        Assert.Equal([true, true, true, false], burst);
        Assert.False(beforeAToken);
        Assert.Equal([true, false], afterAToken);
    }

    [Fact]
    public void TryAcquire_LongQuiet_RefillsToTheBurstOnly()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(new RateLimitOptions { PermitsPerSecond = 1000, Burst = 2000 }, clock);
        for (var i = 0; i < 2000; i++)
        {
            bucket.TryAcquire();
        }

        clock.Advance(TimeSpan.FromDays(30));
        var granted = Enumerable.Range(0, 2500).Count(_ => bucket.TryAcquire());

        Assert.Equal(2000, granted);
    }
}
