namespace Sesame.Storage.AzureTable.Tests;

/// <summary>One Azurite for the tests that share it; each of them works in tables of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public Azurite Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() => azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
