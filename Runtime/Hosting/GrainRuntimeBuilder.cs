using Microsoft.Extensions.DependencyInjection;
using Sesame.Runtime.Internal;
using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Hosting;

/// <summary>Registers grain classes and storage providers with the runtime.</summary>
public sealed class GrainRuntimeBuilder
{
    private readonly GrainTypeRegistry registry;

    internal GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry registry)
    {
        Services = services;
        this.registry = registry;
    }

    public IServiceCollection Services { get; }

    /// <summary>Registers <typeparamref name="TGrain"/> as the implementation of <typeparamref name="TGrainInterface"/>.</summary>
    public GrainRuntimeBuilder AddGrain<TGrainInterface, TGrain>()
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        registry.Add(GrainDescriptor.Create(typeof(TGrainInterface), typeof(TGrain)));
        return this;
    }

    /// <summary>Registers a storage provider under <paramref name="name"/>.</summary>
    public GrainRuntimeBuilder AddStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Services.AddKeyedSingleton(name, (provider, _) => factory(provider));
        return this;
    }

    /// <summary>Registers an in-memory storage provider under <paramref name="name"/>.</summary>
    public GrainRuntimeBuilder AddMemoryStorage(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Services.AddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(name);
        return this;
    }
}
