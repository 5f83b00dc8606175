using Microsoft.Extensions.DependencyInjection;
using Sesame.Grpc.Server;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Sesame.Grpc.Hosting;

/// <summary>Registers the services the gRPC server answers.</summary>
public sealed class GrpcServerBuilder
{
    private readonly GrpcServiceRegistry registry;

    internal GrpcServerBuilder(IServiceCollection services, GrpcServiceRegistry registry)
    {
        Services = services;
        this.registry = registry;
    }

    public IServiceCollection Services { get; }

    /// <summary>Serves the proto service <paramref name="descriptor"/> with <typeparamref name="TService"/>, a singleton.</summary>
    public GrpcServerBuilder AddService<TService>(ServiceDescriptor descriptor)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        registry.Add<TService>(descriptor);
        Services.AddSingleton<TService>();
        return this;
    }
}
