using Sesame.Runtime;
using Sesame.Runtime.Storage;
using Sesame.Storage.AzureTable.Client;
using Sesame.Storage.AzureTable.Tests.Client;

namespace Sesame.Storage.AzureTable.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableGrainStorageTests(AzuriteFixture azurite)
{
    private const string Nir = "185057800608491";

    private static readonly GrainId Account = new("member-account", $"cpms/{Nir}");

    [Fact]
    public async Task ReadAsync_NothingStored_ReturnsNull()
    {
        var (storage, _) = NewStorage();

        Assert.Null(await storage.ReadAsync("account", Account, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_NewRecord_ReadsBackBytesAndETag()
    {
        var (storage, _) = NewStorage();

        var etag = await storage.WriteAsync("account", Account, "{\"a\":1}"u8.ToArray(), etag: null, CancellationToken.None);
        var read = await storage.ReadAsync("account", Account, CancellationToken.None);

        Assert.Equal("{\"a\":1}"u8.ToArray(), read!.Data.ToArray());
        Assert.Equal(etag, read.Etag);
    }

    [Fact]
    public async Task WriteAsync_KeyWithNirAndForbiddenCharacters_StoresUnderHashedKeysOnly()
    {
        var (storage, table) = NewStorage();
        var awkward = new GrainId("member-account", $"cpms/{Nir} /#?\\'\u0001");

        await storage.WriteAsync("account", awkward, new byte[] { 1, 2, 3 }, etag: null, CancellationToken.None);
        var read = await storage.ReadAsync("account", awkward, CancellationToken.None);
        var entity = await SingleEntityAsync(table, awkward);

        Assert.Equal(new byte[] { 1, 2, 3 }, read!.Data.ToArray());
        Assert.Matches("^[0-9a-f]{64}$", entity.PartitionKey);
        Assert.DoesNotContain(entity.Properties.Values.OfType<string>(), value => value.Contains(Nir, StringComparison.Ordinal));
        Assert.Null(await storage.ReadAsync("account", Account, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_StateOver64KiB_SplitsAcrossPropertiesAndRoundTrips()
    {
        var (storage, table) = NewStorage();
        var data = new byte[(3 * 64 * 1024) + 17];
        Random.Shared.NextBytes(data);

        var first = await storage.WriteAsync("account", Account, data, etag: null, CancellationToken.None);
        data[^1] ^= 0xFF;
        var second = await storage.WriteAsync("account", Account, data, first, CancellationToken.None);
        var read = await storage.ReadAsync("account", Account, CancellationToken.None);
        var entity = await SingleEntityAsync(table, Account);

        Assert.Equal(data, read!.Data.ToArray());
        Assert.Equal(second, read.Etag);
        Assert.Equal(["Data0", "Data1", "Data2", "Data3"], entity.Properties.Keys.Where(name => name.StartsWith("Data", StringComparison.Ordinal) && name != "DataLength").Order());
        Assert.Equal(17, ((byte[])entity.Properties["Data3"]).Length);
    }

    [Fact]
    public async Task WriteAsync_ReplyLostAndRequestRetried_RecognisesItsOwnWrite()
    {
        var lossy = new LoseFirstReplyPolicy();
        var options = TableClientTests.FastRetries();
        options.AddPolicy(lossy, Azure.Core.HttpPipelinePosition.PerRetry);
        var storage = new AzureTableGrainStorage(new TableClient(TableConnectionString.Parse(azurite.Azurite.ConnectionString), AzuriteFixture.NewTableName(), options, TimeProvider.System));

        var inserted = await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);
        var replaced = await storage.WriteAsync("account", Account, new byte[] { 2 }, inserted, CancellationToken.None);
        var read = await storage.ReadAsync("account", Account, CancellationToken.None);

        Assert.Equal(2, lossy.LostCount);
        Assert.Equal(new byte[] { 2 }, read!.Data.ToArray());
        Assert.Equal(replaced, read.Etag);
    }

    [Fact]
    public async Task WriteAsync_StateOverTheEntityLimit_ThrowsNamingTheGrainRedactedAndStoresNothing()
    {
        var (storage, _) = NewStorage();

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteAsync("account", Account, new byte[(15 * 64 * 1024) + 1], etag: null, CancellationToken.None));

        Assert.Contains(Account.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Nir, failure.Message, StringComparison.Ordinal);
        Assert.Null(await storage.ReadAsync("account", Account, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_InsertWhenARecordExists_ThrowsInconsistentAndKeepsTheFirst()
    {
        var (storage, _) = NewStorage();
        await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync("account", Account, new byte[] { 2 }, etag: null, CancellationToken.None));

        Assert.Equal(new byte[] { 1 }, (await storage.ReadAsync("account", Account, CancellationToken.None))!.Data.ToArray());
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsInconsistentAndKeepsTheNewer()
    {
        var (storage, _) = NewStorage();
        var first = await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);
        await storage.WriteAsync("account", Account, new byte[] { 2 }, first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync("account", Account, new byte[] { 3 }, first, CancellationToken.None));

        Assert.Equal(new byte[] { 2 }, (await storage.ReadAsync("account", Account, CancellationToken.None))!.Data.ToArray());
    }

    [Fact]
    public async Task ClearAsync_CurrentETag_RemovesTheRecord()
    {
        var (storage, _) = NewStorage();
        var etag = await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);

        await storage.ClearAsync("account", Account, etag, CancellationToken.None);

        Assert.Null(await storage.ReadAsync("account", Account, CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_StaleETag_ThrowsInconsistentAndKeepsTheRecord()
    {
        var (storage, _) = NewStorage();
        var first = await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);
        await storage.WriteAsync("account", Account, new byte[] { 2 }, first, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync("account", Account, first, CancellationToken.None));

        Assert.NotNull(await storage.ReadAsync("account", Account, CancellationToken.None));
    }

    [Theory]
    [InlineData("Data1", null, "Data1")]
    [InlineData("Data0", "not binary", "Data0")]
    [InlineData("DataLength", null, "DataLength")]
    [InlineData("DataLength", 3, "Data0")]
    public async Task ReadAsync_CorruptedEntity_ThrowsForThatGrainOnlyNamingItsKeys(string property, object? garbage, string named)
    {
        var (storage, table) = NewStorage();
        var healthy = new GrainId("member-account", "cpms/healthy");
        await storage.WriteAsync("account", healthy, new byte[] { 7 }, etag: null, CancellationToken.None);
        await storage.WriteAsync("account", Account, new byte[(64 * 1024) + 1], etag: null, CancellationToken.None);
        var entity = await SingleEntityAsync(table, Account);
        if (garbage is null)
        {
            entity.Properties.Remove(property);
        }
        else
        {
            entity.Properties[property] = garbage;
        }

        await table.ReplaceAsync(entity, entity.ETag!, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => storage.ReadAsync("account", Account, CancellationToken.None));
        Assert.Contains(Account.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains(entity.PartitionKey, failure.Message, StringComparison.Ordinal);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Nir, failure.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 7 }, (await storage.ReadAsync("account", healthy, CancellationToken.None))!.Data.ToArray());
    }

    [Fact]
    public async Task ReadAsync_AzuriteStopped_ThrowsGrainStorageExceptionThenWorksWhenItReturns()
    {
        await using var own = await Azurite.StartAsync();
        var (storage, _) = NewStorage(own.ConnectionString);
        var etag = await storage.WriteAsync("account", Account, new byte[] { 1 }, etag: null, CancellationToken.None);
        await own.StopAsync();

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteAsync("account", Account, new byte[] { 2 }, etag, CancellationToken.None));
        await own.RestartAsync();

        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Nir, failure.Message, StringComparison.Ordinal);
        var read = await storage.ReadAsync("account", Account, CancellationToken.None);
        Assert.Equal(new byte[] { 1 }, read!.Data.ToArray());
        Assert.Equal(etag, read.Etag);
    }

    private static async Task<TableEntity> SingleEntityAsync(TableClient table, GrainId grainId) =>
        Assert.Single(await table.QueryPartitionAsync(GrainStateEntity.PartitionKey(grainId), CancellationToken.None).ToListAsync());

    private (AzureTableGrainStorage Storage, TableClient Table) NewStorage(string? connectionString = null)
    {
        var table = TableClientTests.NewClient(connectionString ?? azurite.Azurite.ConnectionString);
        return (new AzureTableGrainStorage(table), table);
    }
}
