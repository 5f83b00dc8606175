namespace Sesame.Grains.Tests;

/// <summary>
/// One cluster of two silos shared by the test classes of <see cref="SharedClusterCollection"/>, as Orleans' own tests
/// share theirs. Each test uses grain keys of its own; the clock is shared and only moves forward, so a test reads
/// times from where it started and counts as a difference. Delivery stays shut: a test that opens it
/// (<see cref="GrainsTestHost.StartDispatcherAsync"/>), or needs other settings, starts a host of its own.
/// </summary>
public sealed class SharedCluster : IAsyncLifetime
{
    internal GrainsTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GrainsTestHost.StartAsync(silos: 2);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The test classes that run, one test at a time, on the <see cref="SharedCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedCluster>
{
    public const string Name = "Shared cluster";
}
