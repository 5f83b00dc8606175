using System.ComponentModel.DataAnnotations;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
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
        services.AddSesameOptions();
        builder.UseOrleans(silo => ConfigureSilo(silo, builder.Configuration));
        services.AddSesameGrains();
        services.AddGrpcExceptionStatus<RequestFailedException>(StatusCode.Unavailable, "Sésame's storage is unavailable; the call did not complete. Try again later.");
        services.AddGrpcExceptionStatus<InconsistentStateException>(StatusCode.Aborted, "The account changed on another Sésame replica while the call ran; it may be retried.");
        services.AddSesameFrontend()
            .Add(new HealthCheckRegistration("storage", provider => new StorageHealthCheck(provider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)), HealthStatus.Unhealthy, tags: null));
        services.AddSingleton<ITenantPolicies, ConfiguredTenantPolicies>();
        services.AddHostedService<DemoSeeder>();
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
                    listen.UseHttps(EndpointCertificate.Load(endpoint.Certificate));
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http2;
                }
            });
        });
        return builder;
    }

    /// <summary>Maps the gRPC API, health and (where enabled) reflection.</summary>
    public static WebApplication MapSesame(this WebApplication app) => app.MapSesameFrontend();

    private static void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        // Invalid settings are composed on the defaults (storage on memory) so that the start ends on Sésame's validation,
        // whose messages name the Sesame settings: Orleans checks its own options first, as the host resolves its services.
        var configured = configuration.GetSection(SesameSections.Cluster).Get<ClusterSettings>() ?? new ClusterSettings();
        var cluster = Validator.TryValidateObject(configured, new ValidationContext(configured), validationResults: null, validateAllProperties: true) ? configured : new ClusterSettings();
        var storage = configuration.GetSection(SesameSections.Storage).Get<StorageOptions>() ?? new StorageOptions();
        silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        silo.Configure<Orleans.Configuration.GrainCollectionOptions>(configuration.GetSection(SesameSections.Grains));
        if (storage.Provider == StorageProvider.AzureTable && new StorageOptionsValidator().Validate(name: null, storage).Succeeded)
        {
            var tables = new TableServiceClient(storage.AzureTable.ConnectionString);
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
        services.AddOptions<GrpcServerOptions>().BindConfiguration(SesameSections.Grpc);
        services.AddOptions<LetterOptions>().BindConfiguration(SesameSections.Letters);
        services.AddOptions<PortalsOptions>().BindConfiguration(SesameSections.Portals);
        services.AddOptions<BackOfficesOptions>().BindConfiguration(SesameSections.BackOffices);
        services.AddSingleton<IPostConfigureOptions<PortalsOptions>, DemoCredentialsSetup>();
        services.AddSingleton<IPostConfigureOptions<BackOfficesOptions>, DemoCredentialsSetup>();
    }
}
