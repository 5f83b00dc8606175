namespace Sesame.Interop.Tests;

/// <summary>The gRPC protocol as a stock client sees it.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProtocolInteropTests(SesameServerFixture server)
{
    [Fact]
    public async Task HealthCheck_Server_Serving()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });

        Assert.Equal(0, result.Code);
        Assert.Equal("SERVING", result.Field("status"));
    }

    [Fact]
    public async Task HealthCheck_ServedService_Serving()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "sesame.v1.MemberAuth" });

        Assert.Equal("SERVING", result.Field("status"));
    }

    [Fact]
    public async Task HealthCheck_UnknownService_NotFound()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Check", new { service = "sesame.v1.Nothing" });

        Assert.Equal(5, result.Code);
    }

    [Fact]
    public async Task StreamingMethod_Unimplemented()
    {
        var result = await server.Client.CallAsync("grpc.health.v1.Health/Watch", new { service = "" });

        Assert.Equal(12, result.Code);
    }
}
