using Sesame.Storage.AzureTable.Client;

namespace Sesame.Storage.AzureTable.Tests.Client;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateTableIfNotExistsAsync_TwiceOnOneName_Succeeds()
    {
        var client = NewClient();

        await client.CreateTableIfNotExistsAsync(CancellationToken.None);
        await client.CreateTableIfNotExistsAsync(CancellationToken.None);

        Assert.Null(await client.GetAsync("p", "r", CancellationToken.None));
    }

    [Fact]
    public async Task InsertAsync_NewEntity_ReadsBackTypedWithItsETag()
    {
        var client = await NewTableAsync();
        var entity = Entity("p", "r", ("Text", "héllo / 'quoted'"), ("Number", 42), ("Flag", true), ("Bytes", new byte[] { 0, 1, 254, 255 }));

        var etag = await client.InsertAsync(entity, CancellationToken.None);
        var read = await client.GetAsync("p", "r", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("héllo / 'quoted'", read.Properties["Text"]);
        Assert.Equal(42, read.Properties["Number"]);
        Assert.Equal(true, read.Properties["Flag"]);
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.Properties["Bytes"]);
    }

    [Fact]
    public async Task InsertAsync_EntityExists_ThrowsConflict409()
    {
        var client = await NewTableAsync();
        await client.InsertAsync(Entity("p", "r", ("N", 1)), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => client.InsertAsync(Entity("p", "r", ("N", 2)), CancellationToken.None));

        Assert.Equal(409, conflict.Status);
        Assert.Equal(1, (await client.GetAsync("p", "r", CancellationToken.None))!.Properties["N"]);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_ReplacesAndChangesETag()
    {
        var client = await NewTableAsync();
        var first = await client.InsertAsync(Entity("p", "r", ("N", 1), ("Gone", "x")), CancellationToken.None);

        var second = await client.ReplaceAsync(Entity("p", "r", ("N", 2)), first, CancellationToken.None);
        var read = await client.GetAsync("p", "r", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(second, read!.ETag);
        Assert.Equal(2, read.Properties["N"]);
        Assert.False(read.Properties.ContainsKey("Gone"));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsConflict412AndKeepsTheNewer()
    {
        var client = await NewTableAsync();
        var first = await client.InsertAsync(Entity("p", "r", ("N", 1)), CancellationToken.None);
        await client.ReplaceAsync(Entity("p", "r", ("N", 2)), first, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => client.ReplaceAsync(Entity("p", "r", ("N", 3)), first, CancellationToken.None));

        Assert.Equal(412, conflict.Status);
        Assert.Equal(2, (await client.GetAsync("p", "r", CancellationToken.None))!.Properties["N"]);
    }

    [Fact]
    public async Task ReplaceAsync_NoEntity_ThrowsConflict404()
    {
        var client = await NewTableAsync();
        var etag = await client.InsertAsync(Entity("p", "r", ("N", 1)), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => client.ReplaceAsync(Entity("p", "other", ("N", 1)), etag, CancellationToken.None));

        Assert.Equal(404, conflict.Status);
        Assert.Null(await client.GetAsync("p", "other", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_RemovesTheEntity()
    {
        var client = await NewTableAsync();
        var etag = await client.InsertAsync(Entity("p", "r", ("N", 1)), CancellationToken.None);

        await client.DeleteAsync("p", "r", etag, CancellationToken.None);

        Assert.Null(await client.GetAsync("p", "r", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConflictAndKeepsTheEntity()
    {
        var client = await NewTableAsync();
        var first = await client.InsertAsync(Entity("p", "r", ("N", 1)), CancellationToken.None);
        await client.ReplaceAsync(Entity("p", "r", ("N", 2)), first, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => client.DeleteAsync("p", "r", first, CancellationToken.None));

        Assert.Equal(412, conflict.Status);
        Assert.NotNull(await client.GetAsync("p", "r", CancellationToken.None));
    }

    [Fact]
    public async Task QueryPartitionAsync_TwoPartitions_ReturnsOnlyTheOneAskedWithETags()
    {
        var client = await NewTableAsync();
        var etags = new Dictionary<string, string>();
        foreach (var row in new[] { "b", "a", "c" })
        {
            etags[row] = await client.InsertAsync(Entity("wanted", row, ("Row", row)), CancellationToken.None);
        }

        await client.InsertAsync(Entity("other", "a", ("Row", "other")), CancellationToken.None);

        var found = await client.QueryPartitionAsync("wanted", CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c"], found.Select(entity => entity.RowKey));
        Assert.All(found, entity => Assert.Equal(etags[entity.RowKey], entity.ETag));
        Assert.All(found, entity => Assert.Equal(entity.RowKey, entity.Properties["Row"]));
    }

    [Fact]
    public async Task QueryPartitionAsync_MoreThanOnePage_FollowsContinuations()
    {
        var client = await NewTableAsync();
        for (var i = 0; i < 1001; i++)
        {
            await client.InsertAsync(Entity("big", i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        }

        var count = await client.QueryPartitionAsync("big", CancellationToken.None).CountAsync();

        Assert.Equal(1001, count);
    }

    [Fact]
    public async Task GetAsync_WrongAccountKey_ThrowsWith403()
    {
        var wrongKey = azurite.Azurite.ConnectionString.Replace("AccountKey=Eby8", "AccountKey=Fby8", StringComparison.Ordinal);
        var client = NewClient(wrongKey);

        var failure = await Assert.ThrowsAsync<TableServiceException>(() => client.GetAsync("p", "r", CancellationToken.None));

        Assert.Equal(403, failure.Status);
    }

    [Fact]
    public async Task GetAsync_NobodyListening_ThrowsUnreachableAfterRetries()
    {
        await using var stopped = await Azurite.StartAsync();
        var client = NewClient(stopped.ConnectionString);
        await stopped.StopAsync();

        var failure = await Assert.ThrowsAsync<TableServiceException>(() => client.GetAsync("p", "r", CancellationToken.None));

        Assert.Equal(0, failure.Status);
        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EveryAttemptFails_GivesUpAfterMaxRetries()
    {
        var network = new FailingTransportPolicy();
        var options = FastRetries();
        options.AddPolicy(network, Azure.Core.HttpPipelinePosition.PerRetry);
        var client = new TableClient(TableConnectionString.Parse(azurite.Azurite.ConnectionString), AzuriteFixture.NewTableName(), options, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<TableServiceException>(() => client.GetAsync("p", "r", CancellationToken.None));

        Assert.Equal(1 + options.Retry.MaxRetries, network.Attempts);
        Assert.Contains("The network is down.", failure.Message, StringComparison.Ordinal);
    }

    internal static TableClient NewClient(string connectionString, string? tableName = null) =>
        new(TableConnectionString.Parse(connectionString), tableName ?? AzuriteFixture.NewTableName(), FastRetries(), TimeProvider.System);

    internal static TableClientOptions FastRetries()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    private static TableEntity Entity(string partitionKey, string rowKey, params (string Name, object Value)[] properties)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            entity.Properties[name] = value;
        }

        return entity;
    }

    private TableClient NewClient() => NewClient(azurite.Azurite.ConnectionString);

    private async Task<TableClient> NewTableAsync()
    {
        var client = NewClient();
        await client.CreateTableIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
