using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Sesame.Interop.Tests;

/// <summary>
/// Orleans' memory storage as Sésame's default grain storage, counting the records it holds (written and not cleared
/// since the server started), and failing every call with <see cref="Outage"/> while it is set, as a storage account
/// does when it is down.
/// </summary>
public sealed class TestGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), byte> records = new();

    /// <summary>Number of records held.</summary>
    public int Count => records.Count;

    /// <summary>What every call throws while set; null, the storage answers.</summary>
    public Func<Exception>? Outage { get; set; }

    /// <summary>Replaces the default storage: the last keyed registration is the one the grains and the health check resolve.</summary>
    public static void Install(IServiceCollection services) =>
        services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (provider, name) => new TestGrainStorage(MemoryGrainStorageFactory.Create(provider, (string)name!)));

    /// <summary>The storage of <paramref name="server"/>, started with <see cref="Install"/>.</summary>
    public static TestGrainStorage Of(SesameServer server) =>
        (TestGrainStorage)server.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowDuringOutage();
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowDuringOutage();
        await inner.WriteStateAsync(stateName, grainId, grainState);
        records.TryAdd((stateName, grainId), 0);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ThrowDuringOutage();
        await inner.ClearStateAsync(stateName, grainId, grainState);
        records.TryRemove((stateName, grainId), out _);
    }

    private void ThrowDuringOutage()
    {
        if (Outage is { } outage)
        {
            throw outage();
        }
    }
}
