using System.Diagnostics;
using System.Text.Json.Nodes;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// Random bytes, truncated frames, oversized lengths, bad HPACK and bad headers (interop/hostile.mjs) for a bounded
/// time and count; then the server must still answer, on new connections, and nothing stored may have changed.
/// </summary>
public sealed class HostileInputTests(TestGrainStorageServerFixture fixture) : IClassFixture<TestGrainStorageServerFixture>
{
    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task HostileTraffic_FiveSeconds_ServerStillAnswersAndNothingChanged()
    {
        var identifier = $"H{Guid.NewGuid():N}"[..12];
        await Server.Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = "assu2000", identifier, secret = "482913" }, SesameServer.BackOffice);
        await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier, secret = "930517" }, SesameServer.Portal("assu2000"));
        var trailBefore = await AuditTrailAsync(identifier);
        var storage = fixture.Storage;
        var recordsBefore = storage.Count;

        var summary = await RunHostileAsync(Server.Address, seconds: 5, maxConnections: 400, seed: 7);

        await using var freshClient = NodeGrpcClient.Start(Server.Address);
        var health = await freshClient.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        var trailAfter = await AuditTrailAsync(identifier);
        Assert.True(summary["connections"]!.GetValue<int>() > 50, summary.ToJsonString());
        Assert.Equal(0, summary["connectFailures"]!.GetValue<int>());
        Assert.Equal("SERVING", health.Field("status"));
        Assert.Equal(recordsBefore, storage.Count);
        Assert.Equal(trailBefore, trailAfter);
        var next = await freshClient.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier, secret = "930517" }, SesameServer.Portal("assu2000"));
        Assert.Equal("1", next.Field("remaining_attempts"));
    }

    private async Task<string> AuditTrailAsync(string identifier) =>
        (await Server.Client.CallAsync("sesame.v1.MemberAdmin/GetAuditTrail", new { tenant = "assu2000", identifier }, SesameServer.BackOffice)).Response!.ToJsonString();

    private static async Task<JsonObject> RunHostileAsync(string address, int seconds, int maxConnections, int seed)
    {
        var start = new ProcessStartInfo(
            "node",
            [Path.Combine(RepositoryPaths.Interop, "hostile.mjs"), address, "--seconds", $"{seconds}", "--max-connections", $"{maxConnections}", "--seed", $"{seed}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(seconds + 30), TimeProvider.System);
        Assert.True(process.ExitCode == 0, await errors);
        return JsonNode.Parse((await output).Trim())!.AsObject();
    }
}
