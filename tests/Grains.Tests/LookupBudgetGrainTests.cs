using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class LookupBudgetGrainTests(SharedCluster cluster)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task TryTakeAsync_ThroughTwoSilos_LimitHoldsAcrossTheCluster()
    {
        var key = $"assu2000/nir/{Guid.NewGuid():N}";

        var answers = new List<TimeSpan?>();
        for (var lookup = 0; lookup < 6; lookup++)
        {
            answers.Add(await host.GrainsOn(lookup % 2).GetGrain<ILookupBudgetGrain>(key).TryTakeAsync(5, Hour, CancellationToken.None));
        }

        Assert.All(answers.Take(5), answer => Assert.Null(answer));
        Assert.Equal(Hour, answers[5]);
    }

    [Fact]
    public async Task TryTakeAsync_WindowPassed_RoomAgain()
    {
        var budget = host.Grains.GetGrain<ILookupBudgetGrain>($"assu2000/ip/{Guid.NewGuid():N}");
        await budget.TryTakeAsync(1, Hour, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(40));

        var refused = await budget.TryTakeAsync(1, Hour, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(20));
        var taken = await budget.TryTakeAsync(1, Hour, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(20), refused);
        Assert.Null(taken);
    }

    [Fact]
    public async Task GiveBackAsync_AfterATake_RoomForOneMore()
    {
        var budget = host.Grains.GetGrain<ILookupBudgetGrain>($"assu2000/ip/{Guid.NewGuid():N}");
        await budget.TryTakeAsync(1, Hour, CancellationToken.None);

        await budget.GiveBackAsync(CancellationToken.None);

        Assert.Null(await budget.TryTakeAsync(1, Hour, CancellationToken.None));
        Assert.NotNull(await budget.TryTakeAsync(1, Hour, CancellationToken.None));
    }
}
