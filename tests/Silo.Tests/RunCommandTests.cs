using Sesame.Testing;

namespace Sesame.Silo.Tests;

/// <summary>
/// The README's run command, as a newcomer meets it: the built Silo started as its own process with no configuration
/// but a free port, then used by the Node gRPC client. (The lockout minute itself runs on a manual clock in
/// Interop.Tests; this process has the real one.)
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Silo_NoConfiguration_ServesDemoMembersToTheNodeClient()
    {
        await using var silo = await SiloProcess.StartAsync();
        await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal));
        await using var client = NodeGrpcClient.Start(silo.Address);

        var health = await client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "AS100001", secret = "482913" }, Portal("assu2000"));
        var failures = new List<GrpcCallResult>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add(await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier = "AC200001", secret = "111999" }, Portal("acs")));
        }

        Assert.Equal("SERVING", health.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
        Assert.Equal(["LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_LOCKED_OUT"], failures.Select(failure => failure.Field("status")));
        Assert.Contains("AS100001", silo.Output, StringComparison.Ordinal);
        Assert.Contains("node interop/call.mjs", silo.Output, StringComparison.Ordinal);
        Assert.Contains("demo-assu2000-portal-key", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("111999", silo.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {Demo.DemoCredentials.PortalKey(tenant)}" };
}
