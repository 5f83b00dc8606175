using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Data.Tables;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;
using Orleans.Providers;
using Orleans.Storage;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Hosting;
using Sesame.Frontend.Letters;
using Sesame.Frontend.Security;
using Sesame.Grains.Activation;
using Sesame.Grains.Hashing;
using Sesame.Grains.Hosting;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Notifications;
using Sesame.Grains.Protection;
using Sesame.Silo.Configuration;
using Sesame.Silo.Demo;
using Sesame.Silo.Health;

namespace Sesame.Silo.Hosting;

public static class SesameHostingExtensions
{
    /// <summary>Composes Sésame: options from the <c>Sesame</c> section, the grain runtime and its storage, the gRPC API, the demo.</summary>
    public static WebApplicationBuilder AddSesame(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Per-request framework logs cost more than a cheap call; they stay off wherever the host is started from.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        // Orleans retries a placement through Polly, which logs every attempt; its options dump is for debugging.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.SiloOptionsLogger", LogLevel.Warning);
        builder.Logging.AddSesameLogRedaction();
        services.AddSesameOptions();
        builder.AddSesameTelemetry();

        // First, so that it also bounds a stop signalled while the silo starts.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownDeadline.HostShutdownTimeout);
        services.AddHostedService<ShutdownDeadline>();
        builder.UseOrleans(silo => ConfigureSilo(silo, builder.Configuration));
        services.AddSesameGrains();
        services.AddGrpcExceptionStatus<RequestFailedException>(StatusCode.Unavailable, "Sésame's storage is unavailable; the call may not have completed. Try again later.");
        services.AddGrpcExceptionStatus<OrleansMessageRejectionException>(StatusCode.Unavailable, "The Sésame server holding this account is unreachable (it may have just stopped); the call did not complete. Try again in a few seconds.");
        services.AddGrpcExceptionStatus<TimeoutException>(StatusCode.Unavailable, "Sésame did not answer in time (a server of the cluster may have just stopped); the call may not have completed. Try again in a few seconds.");
        services.AddGrpcExceptionStatus<InconsistentStateException>(StatusCode.Aborted, "The account changed in storage while the call ran; it may be retried.");
        services.AddSesameFrontend()
            .Add(new HealthCheckRegistration("storage", provider => new StorageHealthCheck(provider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)), HealthStatus.Unhealthy, tags: null));
        services.AddSingleton<ITenantPolicies, ConfiguredTenantPolicies>();
        services.AddHostedService<DemoSeeder>();
        builder.AddSesameDashboard();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            var endpoint = kestrel.ApplicationServices.GetRequiredService<IOptions<EndpointOptions>>().Value;
            kestrel.Listen(IPAddress.Parse(endpoint.Address), endpoint.Port, listen =>
            {
                if (endpoint.Certificate.IsConfigured)
                {
                    // HTTP/1.1 stays on so a client without HTTP/2 reaches Grpc.AspNetCore and hears why (426), not a reset.
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(ConfiguredCertificate.Load(endpoint.Certificate, SesameSections.Endpoint + ":Certificate"));
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http2;
                }
            });
        });
        return builder;
    }

    /// <summary>Maps the gRPC API, health, (where enabled) reflection and the Orleans dashboard.</summary>
    public static WebApplication MapSesame(this WebApplication app) => app.MapSesameDashboard().MapSesameFrontend();

    private static void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        // Invalid settings are composed on the defaults (storage on memory) so that the start ends on Sésame's validation,
        // whose messages name the Sesame settings: Orleans checks its own options first, as the host resolves its services.
        var configured = configuration.GetSection(SesameSections.Cluster).Get<ClusterSettings>() ?? new ClusterSettings();
        var cluster = Validator.TryValidateObject(configured, new ValidationContext(configured), validationResults: null, validateAllProperties: true) ? configured : new ClusterSettings();
        var storage = configuration.GetSection(SesameSections.Storage).Get<StorageOptions>() ?? new StorageOptions();
        // Grain calls carry the gRPC call's trace; without a listener (nothing exported) a call makes no span.
        silo.AddActivityPropagation();
        silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        silo.Configure<Orleans.Configuration.GrainCollectionOptions>(configuration.GetSection(SesameSections.Grains));
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(options =>
        {
            // A dead silo is declared dead within about 5 s when its process is gone (connections refused), about 12 s
            // when its host hangs (three missed probes of at most 4 s), instead of Orleans' 10 s and 60 s.
            options.ProbeTimeout = TimeSpan.FromSeconds(2);
            options.MaxProbeTimeout = TimeSpan.FromSeconds(4);
            options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(configuration.GetSection(SesameSections.Cluster + ":Membership"));
        if (cluster.Certificate.IsConfigured)
        {
            UseClusterTls(silo, ConfiguredCertificate.Load(cluster.Certificate, SesameSections.Cluster + ":Certificate"));
        }

        if (storage.Provider == StorageProvider.AzureTable && new StorageOptionsValidator().Validate(name: null, storage).Succeeded)
        {
            var tables = new TableServiceClient(storage.AzureTable.ConnectionString, TableStorageClientOptions.Create());
            silo.ConfigureEndpoints(IPAddress.Loopback, cluster.SiloPort, cluster.GatewayPort);
            silo.UseAzureStorageClustering(options => options.TableServiceClient = tables);
            silo.AddAzureTableGrainStorageAsDefault(options =>
            {
                options.TableServiceClient = tables;
                options.TableName = storage.AzureTable.TableName;
            });
            silo.UseAzureTableReminderService(options => options.TableServiceClient = tables);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService();
        }
    }

    /// <summary>
    /// Silo-to-silo traffic (PINs, codes) over mutual TLS: every silo presents the cluster's certificate and accepts only
    /// peers presenting the same one, compared by its SHA-256 hash, so a self-signed certificate serves.
    /// </summary>
    private static void UseClusterTls(ISiloBuilder silo, X509Certificate2 certificate)
    {
        var pinned = certificate.GetCertHash(HashAlgorithmName.SHA256);
        silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, _) => CryptographicOperations.FixedTimeEquals(remote.GetCertHash(HashAlgorithmName.SHA256), pinned);
            tls.OnAuthenticateAsClient = (_, options) => options.TargetHost = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        });
    }

    private static void AddSesameOptions(this IServiceCollection services)
    {
        services.AddOptions<EndpointOptions>().BindConfiguration(SesameSections.Endpoint).ValidateDataAnnotations()
            .Validate(options => IPAddress.TryParse(options.Address, out _), $"{SesameSections.Endpoint}:Address must be an IP address, such as 127.0.0.1.")
            .Validate(options => options.Certificate.Path is null || options.Certificate.Subject is null, $"{SesameSections.Endpoint}:Certificate takes a Path or a Subject, not both.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(SesameSections.Storage).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<DemoOptions>().BindConfiguration(SesameSections.Demo);
        services.AddOptions<TenantsOptions>().BindConfiguration(SesameSections.Tenants).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TenantsOptions>, TenantsOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<TenantsOptions>, DemoTenantsSetup>();
        services.AddOptions<SecretHashingOptions>().BindConfiguration(SesameSections.Hashing);
        services.AddSingleton<IPostConfigureOptions<SecretHashingOptions>, EphemeralPepper>();
        services.AddOptions<FieldEncryptionOptions>().BindConfiguration(SesameSections.Encryption);
        services.AddSingleton<IPostConfigureOptions<FieldEncryptionOptions>, EphemeralEncryptionKey>();
        services.AddOptions<ClusterSettings>().BindConfiguration(SesameSections.Cluster).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(SesameSections.Notifications);
        services.AddOptions<SpaceDeadlineOptions>().BindConfiguration(SesameSections.SpaceDeadlines);
        services.AddOptions<Grains.AttackSignals.AttackSignalOptions>().BindConfiguration(SesameSections.AttackSignals);
        services.AddOptions<GrpcServerOptions>().BindConfiguration(SesameSections.Grpc);
        services.AddOptions<LetterOptions>().BindConfiguration(SesameSections.Letters);
        services.AddOptions<PortalsOptions>().BindConfiguration(SesameSections.Portals);
        services.AddOptions<BackOfficesOptions>().BindConfiguration(SesameSections.BackOffices);
        services.AddSingleton<IPostConfigureOptions<PortalsOptions>, DemoCredentialsSetup>();
        services.AddSingleton<IPostConfigureOptions<BackOfficesOptions>, DemoCredentialsSetup>();
    }
}
