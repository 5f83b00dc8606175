using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Client;
using Sesame.Silo.Demo;
using Sesame.Silo.Hosting;
using Sesame.Testing;
using Sesame.V1;

namespace Sesame.Silo.Tests.Hosting;

/// <summary>The Orleans dashboard on its own listener, off unless configured; every host here binds 127.0.0.1 only.</summary>
public sealed class DashboardSetupTests
{
    private readonly int grpcPort = FreePorts.Next();
    private readonly int dashboardPort = FreePorts.Next();

    [Fact]
    public async Task AddSesame_NoDashboardPort_OnlyTheGrpcListenerAndNoDashboardRoute()
    {
        await using var app = Build([]);
        await app.StartAsync();
        using var http = new HttpClient();

        var root = await http.SendAsync(Http2Get(grpcPort, "/"));

        Assert.Equal([$"http://127.0.0.1:{grpcPort}"], app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task AddSesame_DashboardOnLoopback_PageAndCountersAnswerOnTheDashboardListenerOnly()
    {
        await using var app = Build(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort) });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}") };
        using var portal = SesameClient.Create(new Uri($"http://127.0.0.1:{grpcPort}"), DemoCredentials.PortalKey("assu2000"));

        var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var login = await portal.LoginAsync(new LoginRequest { Tenant = "assu2000", Identifier = "AS100001", Secret = "482913" });
        var counters = string.Empty;
        await Eventually.TrueAsync(async () => (counters = await http.GetStringAsync(new Uri("/DashboardCounters", UriKind.Relative))).Contains("MemberAccountGrain", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var dashboardOnGrpcListener = await http.SendAsync(Http2Get(grpcPort, "/DashboardCounters"));
        var otherPathOnDashboardListener = await http.GetAsync(new Uri("/sesame.v1.MemberAuth/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(V1.LoginStatus.Succeeded, login.Status);
        Assert.Contains("\"activationCount\"", counters, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, dashboardOnGrpcListener.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPathOnDashboardListener.StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("/Trace", HttpStatusCode.Forbidden)]
    [InlineData("/GrainState?grainId=x&grainType=Sesame.Grains.MemberAccountGrain", HttpStatusCode.NotFound)]
    public async Task AddSesame_DashboardOnLoopback_LogStreamAndGrainStateClosed(string path, HttpStatusCode expected)
    {
        await using var app = Build(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort) });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}") };

        var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Basic demo-back-office:wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("Basic demo-assu2000:demo-assu2000-portal-key", HttpStatusCode.Unauthorized)]
    [InlineData("Basic someone-else:demo-back-office-key", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer demo-assu2000-portal-key", HttpStatusCode.Unauthorized)]
    [InlineData("Basic demo-back-office:demo-back-office-key", HttpStatusCode.OK)]
    [InlineData("Bearer demo-back-office-key", HttpStatusCode.OK)]
    public async Task AddSesame_DashboardRequiringCredential_OnlyABackOfficeCredentialOpensIt(string? authorization, HttpStatusCode expected)
    {
        await using var app = Build(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort), ["Sesame:Dashboard:RequireCredential"] = "true" });
        await app.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{dashboardPort}/DashboardCounters"));
        request.Headers.Authorization = Header(authorization);

        var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Unauthorized ? "Basic" : null, response.Headers.WwwAuthenticate.SingleOrDefault()?.Scheme);
        await app.StopAsync();
    }

    [Fact]
    public async Task AddSesame_DashboardWithCertificate_ServesHttpsOnly()
    {
        var directory = Directory.CreateTempSubdirectory("sesame-dashboard-tls-").FullName;
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            var path = Path.Combine(directory, "dashboard.pfx");
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12));
            await using var app = Build(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort), ["Sesame:Dashboard:Certificate:Path"] = path });
            await app.StartAsync();
            using var https = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
            });
            using var plain = new HttpClient();

            var overTls = await https.GetAsync(new Uri($"https://127.0.0.1:{dashboardPort}/"));
            var inClear = await Record.ExceptionAsync(() => plain.GetAsync(new Uri($"http://127.0.0.1:{dashboardPort}/")));

            Assert.Equal(HttpStatusCode.OK, overTls.StatusCode);
            Assert.IsType<HttpRequestException>(inClear);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Sesame:Dashboard:Port", "70000", "Sesame:Dashboard:Port must be between 1 and 65535.")]
    [InlineData("Sesame:Dashboard:Address", "localhost", "Sesame:Dashboard:Address must be an IP address")]
    [InlineData("Sesame:Dashboard:Address", "0.0.0.0", "Sesame:Dashboard:Address is not a loopback address, so the dashboard needs Sesame:Dashboard:Certificate")]
    public async Task AddSesame_BadDashboardSetting_StopsAtStartNamingIt(string key, string value, string expected)
    {
        var failures = await StartFailuresAsync(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort), [key] = value });

        Assert.Contains(failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_DashboardOnTheGrpcPort_StopsAtStartNamingIt()
    {
        var failures = await StartFailuresAsync(new() { ["Sesame:Dashboard:Port"] = Invariant(grpcPort) });

        Assert.Contains(failures, failure => failure.StartsWith("Sesame:Dashboard:Port must differ from Sesame:Endpoint:Port", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sesame:Dashboard:RequireCredential", "true")]
    [InlineData("Sesame:Dashboard:Address", "0.0.0.0")]
    public async Task AddSesame_DashboardAskingForACredentialWithNoBackOffice_StopsAtStartNamingIt(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sesame:Demo:Enabled"] = "false",
            ["Sesame:Tenants:mutuelle-x:DisplayName"] = "Mutuelle X",
            ["Sesame:Dashboard:Port"] = Invariant(dashboardPort),
            ["Sesame:Dashboard:Certificate:Path"] = "/nonexistent/dashboard.pfx",
            [key] = value,
        };

        var failures = await StartFailuresAsync(settings);

        Assert.Contains("Sesame:Dashboard asks for a back-office credential (its Address is not loopback, or RequireCredential is true), and Sesame:BackOffices configures none.", failures);
    }

    [Fact]
    public async Task AddSesame_DashboardPortInUse_StopsAtStartNamingTheAddress()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, dashboardPort);
        occupant.Start();

        var exception = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await using var app = Build(new() { ["Sesame:Dashboard:Port"] = Invariant(dashboardPort) });
            await app.StartAsync();
        });

        Assert.Contains($"127.0.0.1:{dashboardPort}", exception.Message, StringComparison.Ordinal);
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static AuthenticationHeaderValue? Header(string? authorization)
    {
        if (authorization is null)
        {
            return null;
        }

        var (scheme, credential) = (authorization[..authorization.IndexOf(' ', StringComparison.Ordinal)], authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        return new AuthenticationHeaderValue(scheme, scheme == "Basic" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)) : credential);
    }

    /// <summary>A GET over h2c, as the HTTP/2-only gRPC listener takes it.</summary>
    private static HttpRequestMessage Http2Get(int port, string path) =>
        new(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}")) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

    private async Task<IReadOnlyList<string>> StartFailuresAsync(Dictionary<string, string?> settings)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = Build(settings);
            await app.StartAsync();
        });
        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        Assert.All(failures, failure => Assert.IsType<OptionsValidationException>(failure));
        return failures.Select(failure => failure.Message).ToArray();
    }

    private WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FreePorts.SiloSettings()) { ["Sesame:Endpoint:Port"] = Invariant(grpcPort) });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        var app = builder.Build();
        app.MapSesame();
        return app;
    }
}
