using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sesame.Frontend.Security;
using Sesame.Frontend.Services;
using Sesame.Grpc.Hosting;

namespace Sesame.Frontend.Hosting;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC server with Sésame's services (health, member sign-in, recovery, activation, portal, member administration) and the
    /// credentials that open them. Bind <see cref="PortalsOptions"/> and <see cref="BackOfficesOptions"/>; they are
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddSesameFrontend(this IServiceCollection services)
    {
        services.AddOptions<PortalsOptions>().ValidateOnStart();
        services.AddOptions<BackOfficesOptions>();
        services.AddSingleton<IValidateOptions<PortalsOptions>, CredentialsOptionsValidator>();
        services.AddSingleton<CallerDirectory>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<AccountRequestGate>();
        services.AddSingleton<LookupLimiter>();
        return services.AddGrpcServer(server => server
            .AddService<HealthService>(ServiceDescriptors.Health)
            .AddService<MemberAuthService>(ServiceDescriptors.MemberAuth)
            .AddService<MemberRecoveryService>(ServiceDescriptors.MemberRecovery)
            .AddService<MemberActivationService>(ServiceDescriptors.MemberActivation)
            .AddService<PortalService>(ServiceDescriptors.Portal)
            .AddService<MemberAdminService>(ServiceDescriptors.MemberAdmin));
    }
}
