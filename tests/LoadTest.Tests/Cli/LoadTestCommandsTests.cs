using System.Text.Json.Nodes;
using Sesame.LoadTest.Cli;
using Sesame.LoadTest.Members;

namespace Sesame.LoadTest.Tests.Cli;

/// <summary>The tool end to end against an in-process Sésame: seed, a seconds-long run at a low rate, the report and the exit code.</summary>
public sealed class LoadTestCommandsTests : IAsyncLifetime
{
    private InProcessSesame server = null!;
    private LoadTool tool = null!;

    private string Members => tool.PathOf("members.json");

    public async Task InitializeAsync()
    {
        server = await InProcessSesame.StartAsync();
        tool = new LoadTool(server);
    }

    public async Task DisposeAsync()
    {
        tool.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task SeedThenRun_DefaultMixAtLowRate_PassesAndWritesTheReport()
    {
        // 30 per tenant gives 6 lockout members, so the 12 journeys drawn at random never run out of them.
        Assert.Equal(ExitCodes.Passed, await tool.InvokeAsync("seed", "--address", server.Address, "--count", "30", "--members", Members, "--tag", "TEST"));
        var seeded = await MemberFile.ReadAsync(Members, CancellationToken.None);
        Assert.Equal(150, seeded.Members.Count);
        Assert.All(seeded.Members.Where(member => member.Tenant == "mes"), member => Assert.True(member.Activated));

        var report = tool.PathOf("report");
        var exit = await tool.InvokeAsync("run", "--address", server.Address, "--members", Members, "--rate", "4", "--step-duration", "3", "--drain", "30", "--think-scale", "0", "--out", report);

        Assert.True(exit == ExitCodes.Passed, tool.Output);
        var results = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!;
        var phases = results["phases"]!.AsArray();
        Assert.Equal(["step 1", "drain"], phases.Select(phase => (string)phase!["name"]!));
        Assert.Equal(12, (long)phases[0]!["arrivals"]!);
        var outcomes = phases[0]!["outcomes"]!.AsArray().Select(outcome => (string)outcome!["outcome"]!).ToList();
        Assert.All(outcomes, outcome => Assert.True(outcome is "ok" or "rate-limited", $"{outcome}\n{tool.Output}"));
        Assert.True((long)phases[0]!["calls"]!["count"]! + (long)phases[1]!["calls"]!["count"]! >= 12);
        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains("**Correctness: passed**", markdown, StringComparison.Ordinal);
        Assert.Contains("| step 1 | 4 |", markdown, StringComparison.Ordinal);
        foreach (var chart in new[] { "latency.png", "throughput.png" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(report, chart));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }

    [Fact]
    public async Task Run_WrongPinJourneys_EveryHammeredAccountMatchesItsAuditTrail()
    {
        Assert.Equal(ExitCodes.Passed, await tool.InvokeAsync("seed", "--address", server.Address, "--count", "20", "--tenants", "assu2000,acs", "--members", Members));
        var mix = tool.PathOf("lockouts.mix");
        await File.WriteAllTextAsync(mix, "wrong-pins-lockout 1\n");
        var report = tool.PathOf("report");

        var exit = await tool.InvokeAsync("run", "--address", server.Address, "--members", Members, "--mix", mix, "--rate", "2", "--step-duration", "2", "--drain", "30", "--think-scale", "0", "--out", report);

        Assert.True(exit == ExitCodes.Passed, tool.Output);
        var checks = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!["checks"]!.AsArray();
        Assert.Equal(4, checks.Count);
        Assert.All(checks, check => Assert.Equal(("Match", 3, 3, 1, 1), ((string)check!["verdict"]!, (int)check["wrongAnswered"]!, (int)check["failuresAudited"]!, (int)check["refusedAnswered"]!, (int)check["refusalsAudited"]!)));
        Assert.Contains("4 Match.", await File.ReadAllTextAsync(Path.Combine(report, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoppedEarly_EndsAtOnceAndReportsWhatWasMeasured()
    {
        Assert.Equal(ExitCodes.Passed, await tool.InvokeAsync("seed", "--address", server.Address, "--count", "10", "--tenants", "assu2000", "--members", Members));
        var report = tool.PathOf("report");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var started = TimeProvider.System.GetTimestamp();

        var exit = await tool.InvokeAsync(stop.Token, "run", "--address", server.Address, "--members", Members, "--rate", "2", "--step-duration", "600", "--out", report);

        Assert.True(exit == ExitCodes.Passed, tool.Output);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60));
        var markdown = await File.ReadAllTextAsync(tool.PathOf("report/report.md"));
        Assert.Contains("Stopped early (Ctrl+C)", markdown, StringComparison.Ordinal);
        var step = JsonNode.Parse(await File.ReadAllTextAsync(tool.PathOf("report/results.json")))!["phases"]![0]!;
        Assert.InRange((double)step["seconds"]!, 2.5, 30);
        Assert.InRange((long)step["arrivals"]!, 5, 60);
    }

    [Fact]
    public async Task Run_NoMemberFile_ExitsUnusable()
    {
        var exit = await tool.InvokeAsync("run", "--address", server.Address, "--members", tool.PathOf("missing.json"));

        Assert.Equal(ExitCodes.Unusable, exit);
        Assert.Contains("missing.json", tool.Output, StringComparison.Ordinal);
    }
}
