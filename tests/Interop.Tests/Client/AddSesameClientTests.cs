using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Sesame.Client;
using Sesame.Silo.Demo;
using Sesame.V1;

namespace Sesame.Interop.Tests.Client;

/// <summary>The registration an ASP.NET Core portal makes, against the running server.</summary>
[Collection(ServerCollection.Name)]
public sealed class AddSesameClientTests(SesameServerFixture fixture)
{
    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task AddSesameClient_GeneratedClientFromServices_CallsWithTheApiKey()
    {
        // Arrange
        await using var services = Register(DemoCredentials.PortalKey("acs"));
        var portal = services.GetRequiredService<Portal.PortalClient>();

        // Act
        var reply = await portal.DescribeTenantAsync(new DescribeTenantRequest { Tenant = "acs" });

        // Assert
        Assert.Equal("acs", reply.Tenant);
    }

    [Fact]
    public async Task AddSesameClient_WrongKey_Unauthenticated()
    {
        // Arrange
        await using var services = Register("not-a-key");
        var portal = services.GetRequiredService<Portal.PortalClient>();

        // Act
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await portal.DescribeTenantAsync(new DescribeTenantRequest { Tenant = "acs" }));

        // Assert
        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task AddSesameClient_SesameClientFromServices_CallsWithTheApiKey()
    {
        // Arrange
        await using var services = Register(DemoCredentials.PortalKey("acs"));
        var client = services.GetRequiredService<SesameClient>();

        // Act
        var reply = await client.DescribeTenantAsync("acs");

        // Assert
        Assert.Equal("acs", reply.Tenant);
    }

    private ServiceProvider Register(string apiKey) =>
        new ServiceCollection()
            .AddSesameClient(options =>
            {
                options.Address = new Uri($"http://{Server.Address}");
                options.ApiKey = apiKey;
                options.DefaultDeadline = TimeSpan.FromSeconds(30);
            })
            .BuildServiceProvider();
}
