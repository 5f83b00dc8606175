using Microsoft.Extensions.DependencyInjection;
using Sesame.Runtime;
using Sesame.Runtime.Hosting;

namespace Sesame.Storage.AzureTable.Tests;

/// <summary>Two grain runtimes, as two Sésame replicas would be, holding the same grain over one Azurite table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplicaRuntimeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddAsync_TwoRuntimesHammerOneGrain_EveryAddCountsOnce()
    {
        var options = new AzureTableStorageOptions { ConnectionString = azurite.Azurite.ConnectionString, TableName = AzuriteFixture.NewTableName() };
        await using var first = Runtime(options);
        await using var second = Runtime(options);
        var key = "tenant/" + Guid.NewGuid().ToString("N");
        var onFirst = first.GetRequiredService<IGrainFactory>().GetGrain<ITallyGrain>(key);
        var onSecond = second.GetRequiredService<IGrainFactory>().GetGrain<ITallyGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? onFirst : onSecond).AddAsync(1)));

        Assert.Equal(Enumerable.Range(1, 60), results.Order());
        Assert.Equal(60, await onFirst.GetStoredAsync());
        Assert.Equal(60, await onSecond.GetStoredAsync());
    }

    private static ServiceProvider Runtime(AzureTableStorageOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainRuntime(runtime => runtime
            .AddGrain<ITallyGrain, TallyGrain>()
            .AddStorage(new GrainRuntimeOptions().DefaultStorageName, _ => AzureTableGrainStorageFactory.Create(options, TimeProvider.System)));
        return services.BuildServiceProvider();
    }
}
