using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Internal;

/// <summary>The activation directory of this process and the factory of grain references.</summary>
internal sealed partial class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> activations = new();
    private readonly GrainTypeRegistry registry;
    private readonly IServiceProvider services;
    private readonly GrainRuntimeOptions options;
    private readonly ITimer collectionTimer;

    public GrainRuntime(GrainTypeRegistry registry, IServiceProvider services, TimeProvider time, IOptions<GrainRuntimeOptions> options, ILogger<GrainRuntime> logger)
    {
        this.registry = registry;
        this.services = services;
        this.options = options.Value;
        Time = time;
        Logger = logger;
        collectionTimer = time.CreateTimer(static state => _ = ((GrainRuntime)state!).CollectIdleActivationsAsync(), this, this.options.CollectionInterval, this.options.CollectionInterval);
    }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public int ActivationCount => activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var descriptor = registry.GetByInterface(typeof(TGrainInterface));
        return GrainProxy.Create<TGrainInterface>(this, new GrainId(descriptor.Name, key));
    }

    public async Task<T> InvokeAsync<T>(GrainId grainId, Func<Grain, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            var activation = activations.GetOrAdd(grainId, static (id, runtime) => new GrainActivation(id, runtime), this);
            try
            {
                return await activation.RunAsync(call, cancellationToken);
            }
            catch (ActivationDeactivatedException)
            {
                // The activation ended while this call waited for its turn; the next loop finds or makes a fresh one.
            }
        }
    }

    public (Grain Grain, IReadOnlyList<IStateLoader> States) CreateGrain(GrainActivation activation)
    {
        var descriptor = registry.GetByName(activation.Id.Type);
        var states = new object[descriptor.States.Count];
        var serializer = services.GetRequiredService<IGrainStateSerializer>();
        for (var i = 0; i < states.Length; i++)
        {
            var parameter = descriptor.States[i];
            var storage = services.GetRequiredKeyedService<IGrainStorage>(parameter.StorageName ?? options.DefaultStorageName);
            states[i] = Activator.CreateInstance(
                typeof(PersistentState<>).MakeGenericType(parameter.StateType),
                parameter.StateName,
                activation.Id,
                storage,
                serializer)!;
        }

        var grain = (Grain)descriptor.Factory(services, states);
        grain.Attach(activation);
        return (grain, states.Cast<IStateLoader>().ToArray());
    }

    public void Remove(GrainActivation activation) =>
        activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));

    public async Task CollectIdleActivationsAsync()
    {
        var idleSince = Time.GetUtcNow() - options.CollectionAge;
        foreach (var activation in activations.Values)
        {
            try
            {
                await activation.TryCollectAsync(idleSince);
            }
            catch (Exception exception)
            {
                LogCollectionFailed(Logger, exception, activation.Id);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await collectionTimer.DisposeAsync();
        await Task.WhenAll(activations.Values.Select(activation => activation.StopAsync()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collecting grain {GrainId} failed.")]
    private static partial void LogCollectionFailed(ILogger logger, Exception exception, GrainId grainId);
}
