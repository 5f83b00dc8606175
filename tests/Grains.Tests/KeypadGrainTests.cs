using Sesame.Grains.Interfaces;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class KeypadGrainTests(SharedCluster cluster)
{
    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task ResolveAsync_Positions_DigitsShownThere()
    {
        var keypad = host.Grains.GetGrain<IKeypadGrain>($"cpms/{RandomToken.New()}");
        var issued = await keypad.IssueAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        var positions = "264815".Select(digit => issued.Digits.ToList().IndexOf(digit - '0')).ToArray();

        Assert.Equal("264815", await keypad.ResolveAsync(positions, CancellationToken.None));
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(5), issued.ExpiresAt);
    }

    [Fact]
    public async Task ResolveAsync_UsedThroughTheOtherSilo_Null()
    {
        var key = $"cpms/{RandomToken.New()}";
        await host.GrainsOn(0).GetGrain<IKeypadGrain>(key).IssueAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        var used = await host.GrainsOn(0).GetGrain<IKeypadGrain>(key).ResolveAsync([0, 1, 2, 3, 4, 5], CancellationToken.None);

        var onTheOther = await host.GrainsOn(1).GetGrain<IKeypadGrain>(key).ResolveAsync([0, 1, 2, 3, 4, 5], CancellationToken.None);

        Assert.NotNull(used);
        Assert.Null(onTheOther);
    }

    [Fact]
    public async Task ResolveAsync_Expired_Null()
    {
        var keypad = host.Grains.GetGrain<IKeypadGrain>($"cpms/{RandomToken.New()}");
        await keypad.IssueAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await keypad.ResolveAsync([0, 1, 2, 3, 4, 5], CancellationToken.None));
    }
}
