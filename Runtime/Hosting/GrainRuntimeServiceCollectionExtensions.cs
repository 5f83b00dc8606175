using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sesame.Runtime.Internal;
using Sesame.Runtime.Storage;

namespace Sesame.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: an <see cref="IGrainFactory"/> whose grains live in this process. Bind
    /// <see cref="GrainRuntimeOptions"/> to configure it; they are validated at start. State is stored as JSON unless an
    /// <see cref="IGrainStateSerializer"/> is registered.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new GrainTypeRegistry();
        configure(new GrainRuntimeBuilder(services, registry));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainStateSerializer>(new JsonGrainStateSerializer());
        services.AddOptions<GrainRuntimeOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(registry);
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(provider => provider.GetRequiredService<GrainRuntime>());
        return services;
    }
}
