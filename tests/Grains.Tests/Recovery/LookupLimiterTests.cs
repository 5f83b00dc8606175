using Sesame.Grains.Interfaces;
using Sesame.Grains.Recovery;

namespace Sesame.Grains.Tests.Recovery;

[Collection(SharedClusterCollection.Name)]
public sealed class LookupLimiterTests(SharedCluster cluster)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task TryAcquireAsync_EveryBudgetHasRoom_TakesOneFromEach()
    {
        var (nir, ip) = (NewKey("nir"), NewKey("ip"));

        var wait = await new LookupLimiter(host.Grains).TryAcquireAsync([(nir, 1), (ip, 2)], Hour, CancellationToken.None);

        Assert.Null(wait);
        Assert.Equal(Hour, await Budget(nir).TryTakeAsync(1, Hour, CancellationToken.None));
        Assert.Null(await Budget(ip).TryTakeAsync(2, Hour, CancellationToken.None));
        Assert.Equal(Hour, await Budget(ip).TryTakeAsync(2, Hour, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_LastBudgetFull_GivesBackWhatTheOthersTook()
    {
        var (nir, ip) = (NewKey("nir"), NewKey("ip"));
        await Budget(ip).TryTakeAsync(1, Hour, CancellationToken.None);

        var wait = await new LookupLimiter(host.Grains).TryAcquireAsync([(nir, 1), (ip, 1)], Hour, CancellationToken.None);

        Assert.Equal(Hour, wait);
        Assert.Null(await Budget(nir).TryTakeAsync(1, Hour, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_TwoBudgetsFull_WaitsForTheOneThatFreesLast()
    {
        var (nir, ip) = (NewKey("nir"), NewKey("ip"));
        await Budget(ip).TryTakeAsync(1, Hour, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await Budget(nir).TryTakeAsync(1, Hour, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(10));

        var wait = await new LookupLimiter(host.Grains).TryAcquireAsync([(nir, 1), (ip, 1)], Hour, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(50), wait);
    }

    private static string NewKey(string kind) => $"{GrainsTestHost.Tenant}/{kind}/{Guid.NewGuid():N}";

    private ILookupBudgetGrain Budget(string key) => host.Grains.GetGrain<ILookupBudgetGrain>(key);
}
