namespace Sesame.Cluster.Tests;

/// <summary>One Azurite for the tests that share it; each of them runs a cluster of its own (<see cref="SesameOnAzurite.Settings"/>).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public Azurite Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
