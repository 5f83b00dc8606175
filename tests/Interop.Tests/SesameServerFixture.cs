using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// Sésame composed exactly as <c>Silo/Program.cs</c> composes it, on a free loopback port and a manual clock, with
/// the Node gRPC client connected to it. Shared by the tests of one collection; each test uses its own accounts.
/// </summary>
public sealed class SesameServerFixture : IAsyncLifetime
{
    private WebApplication? app;
    private NodeGrpcClient? client;

    public ManualTimeProvider Clock { get; } = new();

    public NodeGrpcClient Client => client ?? throw new InvalidOperationException("The fixture has not started.");

    public string Address { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sesame:Endpoint:Port"] = "0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        app = builder.Build();
        app.MapSesame();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address).Authority;
        client = NodeGrpcClient.Start(Address);
    }

    public async Task DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
