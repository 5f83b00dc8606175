using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sesame.V1;

namespace Sesame.Client;

/// <summary>Registers Sésame's clients in an ASP.NET Core portal or any host using Microsoft.Extensions.DependencyInjection.</summary>
public static class SesameServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generated client of every Sésame service with Grpc.Net.ClientFactory, each with the API key on
    /// every call, the default deadline and the retries of the idempotent methods, and <see cref="SesameClient"/> over them.
    /// </summary>
    public static IServiceCollection AddSesameClient(this IServiceCollection services, Action<SesameClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SesameClientOptions>()
            .Configure(configure)
            .Validate(options => options.Address is not null, "SesameClientOptions.Address is required.");
        Add<MemberAuth.MemberAuthClient>(services);
        Add<MemberRecovery.MemberRecoveryClient>(services);
        Add<MemberActivation.MemberActivationClient>(services);
        Add<Portal.PortalClient>(services);
        Add<MemberAdmin.MemberAdminClient>(services);
        Add<Health.HealthClient>(services);
        services.AddTransient<SesameClient>();
        return services;
    }

    private static void Add<TClient>(IServiceCollection services)
        where TClient : class =>
        services.AddGrpcClient<TClient>((provider, factory) => factory.Address = Options(provider).Address)
            .ConfigureChannel(channel => channel.ServiceConfig = SesameServiceConfig.Create())
            .AddInterceptor(provider => new SesameCallInterceptor(Options(provider).ApiKey, Options(provider).DefaultDeadline));

    private static SesameClientOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<SesameClientOptions>>().Value;
}
