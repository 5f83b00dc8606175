using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class SessionGrainTests(SharedCluster cluster)
{
    private static readonly SessionPolicy Policy = new() { IdleTimeout = TimeSpan.FromMinutes(15), AbsoluteLifetime = TimeSpan.FromHours(8) };
    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task ValidateAsync_UsedWithinIdleTimeout_StaysValidAndIdleEndMoves()
    {
        var session = await StartAsync();

        host.Time.Advance(TimeSpan.FromMinutes(14));
        var first = await session.ValidateAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(14));
        var second = await session.ValidateAsync(CancellationToken.None);

        Assert.True(first.Valid);
        Assert.True(second.Valid);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(15), second.ExpiresAt);
    }

    [Fact]
    public async Task ValidateAsync_IdleLongerThanTimeout_InvalidAndRecordRemoved()
    {
        var key = $"{GrainsTestHost.Tenant}/{Guid.NewGuid():N}";
        var session = host.Grains.GetGrain<ISessionGrain>(key);
        await session.StartAsync("assu2000/M1", "M1", Policy, CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(15));
        var validation = await session.ValidateAsync(CancellationToken.None);

        Assert.Equal(SessionValidation.Invalid, validation);
        Assert.Null(host.Storage.Find("session", GrainId.Create("session", key)));
    }

    [Fact]
    public async Task ValidateAsync_PastAbsoluteLifetime_InvalidEvenIfUsed()
    {
        var session = await StartAsync();

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(8); elapsed += TimeSpan.FromMinutes(10))
        {
            Assert.True((await session.ValidateAsync(CancellationToken.None)).Valid);
            host.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.False((await session.ValidateAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task EndAsync_LiveSession_EndsOnceThenInvalid()
    {
        var session = await StartAsync();

        var first = await session.EndAsync(CancellationToken.None);
        var second = await session.EndAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.False((await session.ValidateAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task ValidateAsync_EndedThroughTheOtherSilo_InvalidAtOnce()
    {
        var key = $"{GrainsTestHost.Tenant}/{Guid.NewGuid():N}";
        await host.GrainsOn(0).GetGrain<ISessionGrain>(key).StartAsync("assu2000/M1", "M1", Policy, CancellationToken.None);
        Assert.True((await host.GrainsOn(1).GetGrain<ISessionGrain>(key).ValidateAsync(CancellationToken.None)).Valid);

        await host.GrainsOn(0).GetGrain<ISessionGrain>(key).EndAsync(CancellationToken.None);

        Assert.False((await host.GrainsOn(1).GetGrain<ISessionGrain>(key).ValidateAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public void NewToken_Tokens_AreWellFormedAndDistinct()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => RandomToken.New()).ToArray();

        Assert.All(tokens, token => Assert.True(RandomToken.IsWellFormed(token)));
        Assert.Equal(1000, tokens.Distinct().Count());
    }

    private async Task<ISessionGrain> StartAsync()
    {
        var session = host.Session(RandomToken.New());
        await session.StartAsync("assu2000/M1", "M1", Policy, CancellationToken.None);
        return session;
    }
}
