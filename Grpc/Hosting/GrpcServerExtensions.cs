using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sesame.Grpc.Server;

namespace Sesame.Grpc.Hosting;

public static class GrpcServerExtensions
{
    /// <summary>Adds the unary gRPC server and its services. Bind <see cref="GrpcServerOptions"/> to configure it.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new GrpcServiceRegistry();
        configure(new GrpcServerBuilder(services, registry));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GrpcServerOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(registry);
        services.AddSingleton<GrpcDispatcher>();
        return services;
    }

    /// <summary>
    /// Ends a call whose handler throws <typeparamref name="TException"/> (or a subclass) with <paramref name="status"/>
    /// and <paramref name="detail"/>, instead of INTERNAL. The exception is logged; its text never reaches the caller.
    /// </summary>
    public static IServiceCollection AddGrpcExceptionStatus<TException>(this IServiceCollection services, StatusCode status, string detail)
        where TException : Exception
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        return services.AddSingleton(new GrpcExceptionStatus(typeof(TException), status, detail));
    }

    /// <summary>Answers every request as a gRPC call; unknown methods get UNIMPLEMENTED.</summary>
    public static void MapGrpcServices(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ApplicationServices.GetRequiredService<GrpcServiceRegistry>().Freeze();
        app.Run(app.ApplicationServices.GetRequiredService<GrpcDispatcher>().HandleAsync);
    }
}
