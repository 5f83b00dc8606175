using Grpc.Core;
using Grpc.Health.V1;
using Sesame.Client;
using Sesame.Silo.Demo;
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
        // Arrange
        using var client = Connect(apiKey: null);

        // Act
        var reply = await client.CheckHealthAsync();

        // Assert
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task LoginAsync_DemoMemberWithOrigin_SucceedsAndOriginIsAudited()
    {
        // Arrange
        using var portal = Connect(DemoCredentials.PortalKey("assu2000"));
        using var backOffice = Connect(DemoCredentials.BackOfficeKey);
        var identifier = $"C{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = "assu2000", Identifier = identifier, Secret = "482913" });

        // Act
        var reply = await portal.LoginAsync(
            new LoginRequest { Tenant = "assu2000", Identifier = identifier, Secret = "482913" },
            new Sesame.Client.CallOptions { ClientIp = "198.51.100.23", UserAgent = "Sesame.Client tests" });
        var trail = await backOffice.GetAuditTrailAsync(new GetAuditTrailRequest { Tenant = "assu2000", Identifier = identifier });

        // Assert
        Assert.Equal(V1.LoginStatus.Succeeded, reply.Status);
        Assert.Equal(("198.51.100.23", "Sesame.Client tests"), (trail.Entries[^1].ClientIp, trail.Entries[^1].UserAgent));
    }

    [Fact]
    public async Task LoginAsync_BadFields_RpcExceptionWithFieldViolations()
    {
        // Arrange
        using var client = Connect(DemoCredentials.PortalKey("assu2000"));

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Tenant = "assu2000", Identifier = "", Secret = "12" }));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(["identifier", "secret"], exception.GetFieldViolations().Select(violation => violation.Field));
        Assert.All(exception.GetFieldViolations(), violation => Assert.NotEmpty(violation.Description));
        Assert.StartsWith("Invalid request: identifier: is required", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_WrongKey_Unauthenticated()
    {
        // Arrange
        using var client = Connect("not-a-key");

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Tenant = "assu2000", Identifier = "AS100001", Secret = "482913" }));

        // Assert
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
        Assert.Empty(exception.GetFieldViolations());
    }

    [Fact]
    public async Task DescribeTenantAsync_MalformedTenant_InvalidArgumentNamingTheField()
    {
        // Arrange
        using var client = Connect(DemoCredentials.PortalKey("acs"));

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.DescribeTenantAsync("mutuelle-é"));

        // Assert
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Contains("tenant", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_ClientDeadlinePasses_DeadlineExceeded()
    {
        // Arrange: a call queued behind twenty sign-ins on one account is still waiting when its deadline passes.
        // Grpc.Net.Client enforces deadlines on the system clock, so this one is short and real.
        using var client = Connect(DemoCredentials.PortalKey("acs"));
        using var backOffice = Connect(DemoCredentials.BackOfficeKey);
        var identifier = $"L{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = "acs", Identifier = identifier, Secret = "482913" });
        var login = new LoginRequest { Tenant = "acs", Identifier = identifier, Secret = "482913" };
        var busy = Enumerable.Range(0, 20).Select(_ => client.LoginAsync(login)).ToArray();

        // Once one has been answered, the others were sent with it and are ahead in the account's queue: a call sent
        // with them could overtake them on the way (the connection opens for all at once) and be answered in time.
        await Task.WhenAny(busy);

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(login, new Sesame.Client.CallOptions { Timeout = TimeSpan.FromMilliseconds(50) }));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        await Task.WhenAll(busy);
    }

    [Fact]
    public async Task Create_DefaultDeadlinePasses_DeadlineExceeded()
    {
        // Arrange
        using var client = SesameClient.Create(new SesameClientOptions
        {
            Address = new Uri($"http://{Server.Address}"),
            ApiKey = DemoCredentials.PortalKey("acs"),
            DefaultDeadline = TimeSpan.FromTicks(1),
        });

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.DescribeTenantAsync("acs"));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
    }

    [Fact]
    public async Task MemberRecovery_StartRecoveryForMemberWithoutEmail_CodeGoesByLetter()
    {
        // Arrange: a method SesameClient has no shortcut for, through its generated client.
        using var portal = Connect(DemoCredentials.PortalKey("assu2000"));
        using var backOffice = Connect(DemoCredentials.BackOfficeKey);
        var identifier = $"R{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = "assu2000", Identifier = identifier, Secret = "482913" });
        var origin = new Sesame.Client.CallOptions { ClientIp = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}" };

        // Act
        var reply = await portal.MemberRecovery.StartRecoveryAsync(
            new StartRecoveryRequest { Tenant = "assu2000", Identifier = identifier, FlowId = Grains.Interfaces.RandomToken.New() },
            origin.ToGrpcCallOptions());

        // Assert
        Assert.Equal(CodeChannel.Letter, reply.Channel);
        Assert.Empty(reply.MaskedDestination);
    }

    private SesameClient Connect(string? apiKey) => SesameClient.Create(new Uri($"http://{Server.Address}"), apiKey);
}
