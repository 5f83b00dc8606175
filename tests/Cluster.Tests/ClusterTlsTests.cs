using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Sesame.Testing;
using Xunit.Abstractions;
using static Sesame.Cluster.Tests.SesameOnAzurite;

namespace Sesame.Cluster.Tests;

/// <summary>
/// Silos given <c>Sesame:Cluster:Certificate</c>, as real processes on a real Azurite: they talk to each other over
/// mutual TLS and accept only peers presenting the same certificate. Two silos given it form one cluster; a silo given
/// another certificate (same subject, another key) is refused by both, declared dead, and exits.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClusterTlsTests(ClusterTlsTests.TlsCluster cluster, ITestOutputHelper output) : IClassFixture<ClusterTlsTests.TlsCluster>
{
    [Fact]
    public async Task Login_TwoSilosGivenTheClusterCertificate_BothActiveInOneClusterCountingOneAccount()
    {
        // Arrange
        var identifier = TestIdentifiers.For(Tenant);
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", (await CreateMemberAsync(cluster.ClientA, identifier)).Field("status"));

        // Act
        var throughA = await LoginAsync(cluster.ClientA, identifier, WrongPin);
        var throughB = await LoginAsync(cluster.ClientB, identifier, WrongPin);
        var silos = await cluster.SiloStatusesAsync();

        // Assert
        // One cluster: a silo is listed Active only once it reached every Active silo, here over TLS, so the account
        // has one activation whichever silo a call comes in by.
        Assert.Equal("Active", silos.GetValueOrDefault(cluster.SiloPortA));
        Assert.Equal("Active", silos.GetValueOrDefault(cluster.SiloPortB));
        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "4"), (throughA.Field("status"), throughA.Field("remaining_attempts")));
        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "3"), (throughB.Field("status"), throughB.Field("remaining_attempts")));
    }

    [Fact]
    public async Task StartSilo_AnotherCertificate_RefusedByBothPeersDeclaredDeadAndExits()
    {
        // Arrange
        var intruder = cluster.SettingsWithCertificate(cluster.OtherCertificate);
        var intruderPort = intruder["Sesame:Cluster:SiloPort"];
        var seen = new HashSet<string>();

        // Act
        // SiloProcess gives up after 60 s if the silo neither serves nor exits.
        var start = SiloProcess.StartAsync(intruder);
        while (!start.IsCompleted)
        {
            if ((await cluster.SiloStatusesAsync()).GetValueOrDefault(intruderPort) is { } status)
            {
                seen.Add(status);
            }

            await Task.WhenAny(start, Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System));
        }

        var exited = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        var silos = await cluster.SiloStatusesAsync();
        var stillServed = await LoginAsync(cluster.ClientB, TestIdentifiers.For(Tenant), WrongPin);

        // Assert
        // Orleans lists a joining silo as Joining while it checks that it reaches every Active silo. Each peer refused
        // its certificate (and it refused theirs), so none answered it; the peers, which could not reach it either,
        // declared it Dead, and it stopped on reading so. It was never Active: no call ever reached it.
        foreach (var line in exited.Message.Split(Environment.NewLine).Where(line => line.Contains("ping responses", StringComparison.Ordinal) || line.Contains("told I am dead", StringComparison.Ordinal)).Distinct())
        {
            output.WriteLine(line.Trim());
        }

        Assert.Contains("The Silo exited", exited.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to get ping responses from 2 of 2 active silos", exited.Message, StringComparison.Ordinal);
        Assert.Contains("I have been told I am dead", exited.Message, StringComparison.Ordinal);
        Assert.All([cluster.SiloA.Output, cluster.SiloB.Output], peer => Assert.Contains("The remote certificate was rejected by the provided RemoteCertificateValidationCallback", peer, StringComparison.Ordinal));
        Assert.Contains("Joining", seen);
        Assert.DoesNotContain("Active", seen);
        Assert.Equal("Dead", silos.GetValueOrDefault(intruderPort));
        Assert.Equal("Active", silos.GetValueOrDefault(cluster.SiloPortA));
        Assert.Equal("Active", silos.GetValueOrDefault(cluster.SiloPortB));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", stillServed.Field("status"));
    }

    /// <summary>
    /// A cluster of two silos sharing a self-signed certificate, on an Azurite of its own, for the tests of the class;
    /// and a second certificate with the same subject and another key.
    /// </summary>
    public sealed class TlsCluster : IAsyncLifetime
    {
        private const string Password = "cluster-certificate-password";
        private readonly string directory = Directory.CreateTempSubdirectory("sesame-cluster-tls-").FullName;
        private Azurite? azurite;
        private Dictionary<string, string> settings = [];
        private SiloProcess? siloA;
        private SiloProcess? siloB;
        private NodeGrpcClient? clientA;
        private NodeGrpcClient? clientB;

        public string ClusterCertificate => Path.Combine(directory, "cluster.pfx");

        public string OtherCertificate => Path.Combine(directory, "other.pfx");

        public SiloProcess SiloA => siloA ?? throw new InvalidOperationException("The cluster has not started.");

        public SiloProcess SiloB => siloB ?? throw new InvalidOperationException("The cluster has not started.");

        public NodeGrpcClient ClientA => clientA ?? throw new InvalidOperationException("The cluster has not started.");

        public NodeGrpcClient ClientB => clientB ?? throw new InvalidOperationException("The cluster has not started.");

        public string SiloPortA { get; private set; } = string.Empty;

        public string SiloPortB { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            WriteCertificate(ClusterCertificate);
            WriteCertificate(OtherCertificate);
            azurite = await Azurite.StartAsync();
            settings = Settings(azurite);
            var a = SettingsWithCertificate(ClusterCertificate);
            var b = SettingsWithCertificate(ClusterCertificate);
            (SiloPortA, SiloPortB) = (a["Sesame:Cluster:SiloPort"], b["Sesame:Cluster:SiloPort"]);
            siloA = await SiloProcess.StartAsync(a);
            siloB = await SiloProcess.StartAsync(b);
            clientA = NodeGrpcClient.Start(siloA.Address);
            clientB = NodeGrpcClient.Start(siloB.Address);
        }

        /// <summary>The cluster's settings with <paramref name="certificate"/> and silo ports of its own.</summary>
        public Dictionary<string, string> SettingsWithCertificate(string certificate)
        {
            var silo = new Dictionary<string, string>(settings)
            {
                ["Sesame:Cluster:Certificate:Path"] = certificate,
                ["Sesame:Cluster:Certificate:Password"] = Password,
            };
            foreach (var (setting, port) in FreePorts.SiloSettings())
            {
                silo[setting] = port!;
            }

            return silo;
        }

        /// <summary>The status of each silo of the cluster in Orleans' membership table, by silo port.</summary>
        public async Task<IReadOnlyDictionary<string, string>> SiloStatusesAsync()
        {
            var table = new TableClient(azurite!.ConnectionString, "OrleansSiloInstances");
            var clusterId = settings["Sesame:Cluster:ClusterId"];
            var statuses = new Dictionary<string, string>();
            await foreach (var row in table.QueryAsync<TableEntity>(row => row.PartitionKey == clusterId))
            {
                if (row.GetString("Port") is { } port && row.GetString("Status") is { } status)
                {
                    statuses[port] = status;
                }
            }

            return statuses;
        }

        public async Task DisposeAsync()
        {
            foreach (var client in new[] { clientA, clientB })
            {
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
            }

            foreach (var silo in new[] { siloA, siloB })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }

        /// <summary>A self-signed certificate for server and client authentication, as a PFX with its key.</summary>
        private static void WriteCertificate(string path)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=sesame-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        }
    }
}
