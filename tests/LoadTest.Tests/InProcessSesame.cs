using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sesame.Grains.Notifications;
using Sesame.LoadTest.Inbox;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.LoadTest.Tests;

/// <summary>
/// Sésame composed as <c>Silo/Program.cs</c> composes it (in memory, the demo's tenants and keys), on real time and
/// a free loopback port, with its dev outbox as the load tool's inbox.
/// </summary>
internal sealed class InProcessSesame : IAsyncDisposable, ICodeInbox
{
    private readonly WebApplication app;

    private InProcessSesame(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The gRPC address, http://127.0.0.1:PORT.</summary>
    public string Address { get; }

    /// <summary>Starts a server, with <paramref name="settings"/> over the defaults.</summary>
    public static async Task<InProcessSesame> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FreePorts.SiloSettings()) { ["Sesame:Endpoint:Port"] = "0" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        var app = builder.Build();
        app.MapSesame();
        await app.StartAsync();
        return new InProcessSesame(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public ValueTask<IReadOnlyList<string>> CodesToAsync(string address, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. app.Services.GetRequiredService<DevOutbox>().Sent
            .Where(message => message.Destination == address)
            .Select(message => OneTimeCodes.In(message.Body))
            .OfType<string>()]);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
