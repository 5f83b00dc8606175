using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sesame.Client;
using Sesame.Frontend.Security;
using Sesame.Runtime;
using Sesame.Runtime.Storage;
using Sesame.Silo.Hosting;

namespace Sesame.StorageBench;

/// <summary>
/// Sésame composed as <c>Silo/Program.cs</c> composes it, on a free loopback port, with one tenant and a portal and a
/// back office whose rate limits stay out of the way. With <c>sharedMemory</c>, the in-memory store outlives the host,
/// so a second host meets the accounts cold, as a second host on the same table does.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Tenant = "bench";
    private const string PortalKey = "bench-portal-key";
    private const string BackOfficeKey = "bench-back-office-key";
    private static readonly string Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string GrainKeySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebApplication app;

    private BenchHost(WebApplication app, Uri address)
    {
        this.app = app;
        Portal = SesameClient.Create(address, PortalKey);
        BackOffice = SesameClient.Create(address, BackOfficeKey);
    }

    public SesameClient Portal { get; }

    public SesameClient BackOffice { get; }

    public static async Task<BenchHost> StartAsync(string? connectionString, string tableName, MemoryGrainStorage? sharedMemory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sesame:Endpoint:Port"] = "0",
            ["Sesame:Demo:Enabled"] = "false",
            ["Sesame:Storage:Provider"] = connectionString is null ? "Memory" : "AzureTable",
            ["Sesame:Storage:AzureTable:ConnectionString"] = connectionString,
            ["Sesame:Storage:AzureTable:TableName"] = tableName,
            ["Sesame:Hashing:Peppers:bench"] = Pepper,
            ["Sesame:Hashing:CurrentPepperId"] = "bench",
            ["Sesame:Hashing:GrainKeySecret"] = GrainKeySecret,
            ["Sesame:Encryption:Keys:bench"] = EncryptionKey,
            ["Sesame:Encryption:CurrentKeyId"] = "bench",
            [$"Sesame:Tenants:{Tenant}:DisplayName"] = "Bench",
            [$"Sesame:Tenants:{Tenant}:Lockout:Duration"] = "1.00:00:00",
            ["Sesame:Portals:bench:Tenant"] = Tenant,
            ["Sesame:Portals:bench:KeyHash"] = ApiKeyHash.Of(PortalKey),
            ["Sesame:Portals:bench:RateLimit:PermitsPerSecond"] = "1000000",
            ["Sesame:Portals:bench:RateLimit:Burst"] = "10000000",
            ["Sesame:BackOffices:bench:Tenants:0"] = Tenant,
            ["Sesame:BackOffices:bench:KeyHash"] = ApiKeyHash.Of(BackOfficeKey),
            ["Sesame:BackOffices:bench:RateLimit:PermitsPerSecond"] = "1000000",
            ["Sesame:BackOffices:bench:RateLimit:Burst"] = "10000000",
        });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSesame();
        if (sharedMemory is not null)
        {
            builder.Services.AddKeyedSingleton<IGrainStorage>(new GrainRuntimeOptions().DefaultStorageName, sharedMemory);
        }

        var app = builder.Build();
        app.MapSesame();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new BenchHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Portal.Dispose();
        BackOffice.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
