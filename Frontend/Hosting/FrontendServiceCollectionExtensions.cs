using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Grpc.Net.Compression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Health;
using Sesame.Frontend.Letters;
using Sesame.Frontend.Security;
using Sesame.Frontend.Services;
using Sesame.Frontend.Telemetry;

namespace Sesame.Frontend.Hosting;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>The services a client may ask the health service about, besides the server as a whole ("").</summary>
    internal static readonly string[] ServiceNames =
    [
        "sesame.v1.MemberAuth", "sesame.v1.MemberRecovery", "sesame.v1.MemberActivation", "sesame.v1.Portal", "sesame.v1.MemberAdmin",
    ];

    /// <summary>How often the health checks run.</summary>
    internal static readonly TimeSpan HealthCheckPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds Grpc.AspNetCore with Sésame's services (member sign-in, recovery, activation, portal, member administration),
    /// the standard health service, reflection, and the credentials that open them. Bind <see cref="PortalsOptions"/>,
    /// <see cref="BackOfficesOptions"/> and <see cref="GrpcServerOptions"/>; they are validated at start. Add health
    /// checks to the returned builder: the server is SERVING when they all pass.
    /// </summary>
    public static IHealthChecksBuilder AddSesameFrontend(this IServiceCollection services)
    {
        services.AddOptions<PortalsOptions>().ValidateOnStart();
        services.AddOptions<BackOfficesOptions>();
        services.AddOptions<GrpcServerOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalsOptions>, CredentialsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallerDirectory>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<AccountRequestGate>();
        services.AddSingleton<FrontendMetrics>();
        services.AddSingleton<CallStatusInterceptor>();
        services.AddSingleton<CallerInterceptor>();
        services.AddSingleton<MemberAuthService>();
        services.AddSingleton<MemberRecoveryService>();
        services.AddSingleton<MemberActivationService>();
        services.AddSingleton<PortalService>();
        services.AddSingleton<MemberAdminService>();
        services.AddOptions<LetterOptions>();
        services.AddSingleton<LetterFonts>();
        services.AddSingleton<LetterDocument>();

        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<CallStatusInterceptor>();
            grpc.Interceptors.Add<CallerInterceptor>();
            grpc.CompressionProviders.Add(new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest));
            grpc.CompressionProviders.Add(new DeflateCompressionProvider(System.IO.Compression.CompressionLevel.Fastest));
        });
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<GrpcServerOptions>>((grpc, limits) => grpc.MaxReceiveMessageSize = limits.Value.MaxReceiveMessageSize);
        services.AddGrpcReflection();
        // Check and Watch answer from the checks' last run: at start, then every 5 seconds. A flood of Check calls,
        // which need no credential, never reaches the storage.
        var health = services.AddGrpcHealthChecks(options =>
        {
            options.UseHealthChecksCache = true;
            foreach (var service in ServiceNames)
            {
                options.Services.Map(service, _ => true);
            }
        });
        services.Configure<HealthCheckPublisherOptions>(publisher => (publisher.Delay, publisher.Period) = (HealthCheckPeriod, HealthCheckPeriod));
        services.AddHostedService<InitialHealthPublication>();

        // Every service, the standard ones included, is bound by the binder that answers INVALID_ARGUMENT to a
        // malformed request (after every AddGrpc* call, each of which would add the stock binder back).
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(DecodingServiceMethodProvider<>));
        return health;
    }

    /// <summary>
    /// Ends a call whose handler throws <typeparamref name="TException"/> (or a subclass) with <paramref name="status"/>
    /// and <paramref name="detail"/>, instead of INTERNAL. The exception is logged; its text never reaches the caller.
    /// </summary>
    public static IServiceCollection AddGrpcExceptionStatus<TException>(this IServiceCollection services, StatusCode status, string detail)
        where TException : Exception
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        return services.AddSingleton(new ExceptionStatus(typeof(TException), status, detail));
    }
}
