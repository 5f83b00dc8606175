using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sesame.Silo.Demo;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// Sésame composed exactly as <c>Silo/Program.cs</c> composes it, on a free loopback port and a manual clock, with
/// the Node gRPC client connected to it.
/// </summary>
public sealed class SesameServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SesameServer(WebApplication app, ManualTimeProvider clock, string address, NodeGrpcClient client)
    {
        this.app = app;
        Clock = clock;
        Address = address;
        Client = client;
    }

    public ManualTimeProvider Clock { get; }

    public string Address { get; }

    public NodeGrpcClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {DemoCredentials.PortalKey(tenant)}" };

    public static Dictionary<string, string> BackOffice { get; } = new() { ["authorization"] = $"Bearer {DemoCredentials.BackOfficeKey}" };

    /// <summary>
    /// Signs in as a portal would: for cpms through a fresh scrambled keypad, pressing the positions of the PIN's
    /// digits; for the other tenants with the secret itself.
    /// </summary>
    public async Task<GrpcCallResult> SignInAsync(string tenant, string identifier, string secret, Dictionary<string, string>? metadata = null)
    {
        metadata ??= Portal(tenant);
        if (tenant != "cpms")
        {
            return await Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, secret }, metadata);
        }

        var keypad = await Client.CallAsync("sesame.v1.MemberAuth/IssueKeypad", new { tenant }, metadata);
        var digits = keypad.Response!["digits"]!.AsArray().Select(digit => (int)digit!).ToList();
        var positions = secret.Select(digit => digits.IndexOf(digit - '0')).ToArray();
        return await Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, keypad_id = keypad.Field("keypad_id"), positions }, metadata);
    }

    /// <summary>Creates a member nobody else uses, with an identifier of the tenant's kind, through the back office.</summary>
    public async Task<string> CreateMemberAsync(string tenant, string secret = "482913", string birthDate = "")
    {
        var identifier = TestIdentifiers.For(tenant);
        var result = await Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant, identifier, secret, birth_date = birthDate }, BackOffice);
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", result.Field("status"));
        return identifier;
    }

    /// <summary>Starts a server; with <paramref name="caFile"/>, the client connects over TLS trusting that certificate.</summary>
    public static async Task<SesameServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? caFile = null)
    {
        var clock = new ManualTimeProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sesame:Endpoint:Port"] = "0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.MapSesame();
        await app.StartAsync();

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Authority;
        return new SesameServer(app, clock, address, NodeGrpcClient.Start(address, caFile));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
