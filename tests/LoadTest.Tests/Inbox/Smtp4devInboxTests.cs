using System.Globalization;
using System.Text.Json.Nodes;
using Sesame.LoadTest.Cli;
using Sesame.LoadTest.Members;
using Sesame.Testing;

namespace Sesame.LoadTest.Tests.Inbox;

/// <summary>The codes read from a real smtp4dev's web API, as against <c>./run-azurite.sh</c>: mes activation at seeding, then the journeys that need a code.</summary>
public sealed class Smtp4devInboxTests : IAsyncLifetime, IDisposable
{
    private readonly LoadTool tool = new();
    private Smtp4dev smtp4dev = null!;
    private InProcessSesame server = null!;

    public async Task InitializeAsync()
    {
        smtp4dev = await Smtp4dev.StartAsync();
        server = await InProcessSesame.StartAsync(new Dictionary<string, string?>
        {
            ["Sesame:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Sesame:Notifications:Smtp:Port"] = smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Sesame:Notifications:Smtp:Security"] = "None",
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await smtp4dev.DisposeAsync();
    }

    public void Dispose() => tool.Dispose();

    [Fact]
    public async Task SeedThenRun_CodesFromSmtp4dev_ActivatesMesAndPlaysTheCodeJourneys()
    {
        var members = tool.PathOf("members.json");
        var inbox = smtp4dev.WebAddress.ToString();

        Assert.True(await tool.InvokeAsync("seed", "--address", server.Address, "--smtp4dev", inbox, "--count", "4", "--tenants", "assu2000,mes", "--members", members) == ExitCodes.Passed, tool.Output);
        var seeded = await MemberFile.ReadAsync(members, CancellationToken.None);
        Assert.All(seeded.Members.Where(member => member.Tenant == "mes"), member => Assert.True(member.Activated, tool.Output));

        var mix = tool.PathOf("codes.mix");
        await File.WriteAllTextAsync(mix, "forgot-pin 1\nmes-access-code 1\n");
        var report = tool.PathOf("report");
        var exit = await tool.InvokeAsync("run", "--address", server.Address, "--smtp4dev", inbox, "--members", members, "--mix", mix, "--rate", "2", "--step-duration", "2", "--drain", "60", "--think-scale", "0", "--out", report);

        Assert.True(exit == ExitCodes.Passed, tool.Output);
        var outcomes = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "results.json")))!["phases"]![0]!["outcomes"]!.AsArray();
        Assert.Equal(4, outcomes.Sum(outcome => (long)outcome!["busy"]!["count"]!));
        Assert.All(outcomes, outcome => Assert.Equal("ok", (string)outcome!["outcome"]!));
        var changed = (await MemberFile.ReadAsync(members, CancellationToken.None)).Members.Where(member => member.Tenant == "assu2000");
        Assert.NotEqual(seeded.Members.Where(member => member.Tenant == "assu2000").Select(member => member.Secret), changed.Select(member => member.Secret));
    }
}
