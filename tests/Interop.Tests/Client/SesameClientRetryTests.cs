using Grpc.Core;
using Sesame.Client;
using Sesame.Silo.Demo;
using Sesame.V1;

namespace Sesame.Interop.Tests.Client;

/// <summary>Retries on UNAVAILABLE: the calls that only read are tried again, a sign-in never is.</summary>
[Collection(ServerCollection.Name)]
public sealed class SesameClientRetryTests(SesameServerFixture fixture)
{
    private const string Tenant = "assu2000";
    private const string Pin = "482913";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task ValidateSessionAsync_FirstAttemptUnavailable_SucceedsOnSecondAttempt()
    {
        // Arrange
        var session = await SignInAsync();
        var faults = new UnavailableOnceHandler("/sesame.v1.MemberAuth/ValidateSession");
        using var client = Connect(faults);

        // Act
        var reply = await client.ValidateSessionAsync(new ValidateSessionRequest { Tenant = Tenant, SessionToken = session.Token });

        // Assert
        Assert.True(reply.Valid);
        Assert.Equal(session.Identifier, reply.Identifier);
        Assert.Equal(2, faults.Attempts);
    }

    [Fact]
    public async Task DescribeTenantAsync_FirstAttemptUnavailable_SucceedsOnSecondAttempt()
    {
        // Arrange
        var faults = new UnavailableOnceHandler("/sesame.v1.Portal/DescribeTenant");
        using var client = Connect(faults);

        // Act
        var reply = await client.DescribeTenantAsync(Tenant);

        // Assert
        Assert.Equal(Tenant, reply.Tenant);
        Assert.Equal(2, faults.Attempts);
    }

    [Fact]
    public async Task LoginAsync_FirstAttemptUnavailable_NotRetried()
    {
        // Arrange
        var faults = new UnavailableOnceHandler("/sesame.v1.MemberAuth/Login");
        using var client = Connect(faults);

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = "AS100001", Secret = Pin }));

        // Assert
        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Equal(1, faults.Attempts);
    }

    private async Task<(string Identifier, string Token)> SignInAsync()
    {
        using var backOffice = SesameClient.Create(Address, DemoCredentials.BackOfficeKey);
        using var portal = SesameClient.Create(Address, DemoCredentials.PortalKey(Tenant));
        var identifier = $"V{Guid.NewGuid():N}"[..12];
        await backOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = Tenant, Identifier = identifier, Secret = Pin });
        var login = await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = identifier, Secret = Pin });
        return (identifier, login.SessionToken);
    }

    private Uri Address => new($"http://{Server.Address}");

    private SesameClient Connect(UnavailableOnceHandler faults) => SesameClient.Create(Address, DemoCredentials.PortalKey(Tenant), faults);
}
