using Sesame.Client;
using Sesame.Grpc;
using Sesame.Silo.Demo;
using Sesame.Testing;
using Sesame.V1;

namespace Sesame.Interop.Tests.Client;

/// <summary>The .NET client library against the running server.</summary>
[Collection(ServerCollection.Name)]
public sealed class SesameClientTests(SesameServerFixture fixture)
{
    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task CheckHealthAsync_Server_Serving()
    {
        using var client = Connect(apiKey: null);

        var reply = await client.CheckHealthAsync();

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task LoginAsync_DemoMemberWithOrigin_SucceedsAndOriginIsAudited()
    {
        using var portal = Connect(DemoCredentials.PortalKey("assu2000"));
        using var backOffice = Connect(DemoCredentials.BackOfficeKey);
        var identifier = $"C{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = "assu2000", Identifier = identifier, Secret = "482913" });

        var reply = await portal.LoginAsync(
            new LoginRequest { Tenant = "assu2000", Identifier = identifier, Secret = "482913" },
            new CallOptions { ClientIp = "198.51.100.23", UserAgent = "Sesame.Client tests" });
        var trail = await backOffice.GetAuditTrailAsync(new GetAuditTrailRequest { Tenant = "assu2000", Identifier = identifier });

        Assert.Equal(V1.LoginStatus.Succeeded, reply.Status);
        Assert.Equal(("198.51.100.23", "Sesame.Client tests"), (trail.Entries[^1].ClientIp, trail.Entries[^1].UserAgent));
    }

    [Fact]
    public async Task LoginAsync_BadFields_RpcExceptionWithFieldViolations()
    {
        using var client = Connect(DemoCredentials.PortalKey("assu2000"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Tenant = "assu2000", Identifier = "", Secret = "12" }));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(["identifier", "secret"], exception.FieldViolations.Select(violation => violation.Field));
        Assert.StartsWith("Invalid request: identifier: is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_WrongKey_Unauthenticated()
    {
        using var client = Connect("not-a-key");

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Tenant = "assu2000", Identifier = "AS100001", Secret = "482913" }));

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task DescribeTenantAsync_MalformedTenant_InvalidArgumentNamingTheField()
    {
        using var client = Connect(DemoCredentials.PortalKey("acs"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.DescribeTenantAsync("mutuelle-é"));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Contains("tenant", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_ClientDeadlinePasses_DeadlineExceeded()
    {
        // The client's own deadline runs on its clock: a call queued behind twenty sign-ins on one account is still
        // waiting when that clock passes the deadline.
        var clientClock = new ManualTimeProvider();
        using var client = SesameClient.Create(new Uri($"http://{Server.Address}"), DemoCredentials.PortalKey("acs"), time: clientClock);
        using var backOffice = Connect(DemoCredentials.BackOfficeKey);
        var identifier = $"L{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = "acs", Identifier = identifier, Secret = "482913" });
        var login = new LoginRequest { Tenant = "acs", Identifier = identifier, Secret = "482913" };
        var busy = Enumerable.Range(0, 20).Select(_ => client.LoginAsync(login)).ToArray();

        var late = client.LoginAsync(login, new CallOptions { Timeout = TimeSpan.FromSeconds(30) });
        clientClock.Advance(TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<RpcException>(() => late);
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        await Task.WhenAll(busy);
    }

    private SesameClient Connect(string? apiKey) => SesameClient.Create(new Uri($"http://{Server.Address}"), apiKey);
}
