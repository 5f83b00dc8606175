using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sesame.Interop.Tests;

/// <summary>TLS by configuration: a PEM certificate and key, @grpc/grpc-js over TLS with ALPN h2.</summary>
public sealed class TlsInteropTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("sesame-tls-").FullName;
    private SesameServer? server;

    private string CertificatePath => Path.Combine(directory, "sesame.crt");

    private SesameServer Server => server!;

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        // The Node peer checks validity against the real clock, so this one date comes from it.
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        await File.WriteAllTextAsync(CertificatePath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(directory, "sesame.key"), key.ExportPkcs8PrivateKeyPem());

        server = await SesameServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Sesame:Endpoint:Certificate:Path"] = CertificatePath,
                ["Sesame:Endpoint:Certificate:KeyPath"] = Path.Combine(directory, "sesame.key"),
            },
            caFile: CertificatePath);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task NodeClientOverTls_HealthAndSignIn_Work()
    {
        var health = await Server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        var login = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "AS100001", secret = "482913" }, SesameServer.Portal("assu2000"));

        Assert.Equal("SERVING", health.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
    }

    [Fact]
    public async Task Http11OverTls_RefusedWith426()
    {
        using var trusted = X509CertificateLoader.LoadCertificateFromFile(CertificatePath);
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == trusted.GetCertHashString() },
        };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{Server.Address}/grpc.health.v1.Health/Check")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Contains("HTTP/2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
