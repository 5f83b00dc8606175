using Microsoft.Extensions.DependencyInjection;
using Sesame.Frontend.Services;
using Sesame.Grpc.Hosting;

namespace Sesame.Frontend.Hosting;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server with Sésame's services: health, member sign-in and member administration.</summary>
    public static IServiceCollection AddSesameFrontend(this IServiceCollection services) =>
        services.AddGrpcServer(server => server
            .AddService<HealthService>(ServiceDescriptors.Health)
            .AddService<MemberAuthService>(ServiceDescriptors.MemberAuth)
            .AddService<MemberAdminService>(ServiceDescriptors.MemberAdmin));
}
