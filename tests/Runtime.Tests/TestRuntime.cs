using Microsoft.Extensions.DependencyInjection;
using Sesame.Runtime.Hosting;
using Sesame.Runtime.Internal;
using Sesame.Runtime.Storage;
using Sesame.Testing;

namespace Sesame.Runtime.Tests;

/// <summary>A grain runtime over a manual clock; several may share one storage to play replicas.</summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public TestRuntime(ManualTimeProvider? time = null, IGrainStorage? storage = null)
    {
        Time = time ?? new ManualTimeProvider();
        Storage = storage ?? new MemoryGrainStorage();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddGrainRuntime(runtime => runtime
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<IProbeGrain, ProbeGrain>()
            .AddGrain<IStoredCounterGrain, StoredCounterGrain>()
            .AddStorage("Default", _ => Storage));
        services.Configure<GrainRuntimeOptions>(options =>
        {
            options.CollectionAge = TimeSpan.FromMinutes(10);
            options.CollectionInterval = TimeSpan.FromMinutes(1);
        });
        provider = services.BuildServiceProvider();
        Runtime = provider.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Time { get; }

    public IGrainStorage Storage { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
