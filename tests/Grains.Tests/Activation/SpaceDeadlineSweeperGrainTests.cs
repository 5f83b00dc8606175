using Sesame.Grains.Activation;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Activation;

public sealed class SpaceDeadlineSweeperGrainTests
{
    [Fact]
    public async Task Sweep_DeadlinePassed_SpaceCreatedAndTakenOffItsDayWhileLaterDaysWait()
    {
        // Arrange: one member sent a code today, another tomorrow; their deadlines fall on two days six weeks on.
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var today = await SendCodeAsync(host);
        host.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await SendCodeAsync(host);

        // Act: the first deadline passes, not the second. (A sweep still running when the clock jumps arms its next
        // tick from the new time, so the sweep is asked for rather than waited for.)
        host.Time.Advance(TimeSpan.FromDays(41) + TimeSpan.FromHours(2));
        await host.Grains.GetGrain<ISpaceDeadlineSweeperGrain>("all").WakeAsync(CancellationToken.None);

        // Assert
        await Eventually.TrueAsync(async () => (await host.ReadStoredSpaceAsync(today.Key))!.Status == SpaceStatus.Created);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(today.Key))!.Space == SpaceStatus.Created);
        await Eventually.TrueAsync(async () => (await List(host, today.Deadline)).Count == 0);
        Assert.Equal(SpaceStatus.Pending, (await host.ReadStoredSpaceAsync(tomorrow.Key))!.Status);
        Assert.Equal([tomorrow.Key], await List(host, tomorrow.Deadline));
    }

    [Fact]
    public async Task Sweep_MemberActivatedBeforeTheDeadline_TakenOffTheListUntouched()
    {
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var (key, deadline) = await SendCodeAsync(host);
        var stored = await host.ReadStoredProfileAsync(key);
        var activationId = RandomToken.New();
        var code = System.Text.RegularExpressions.Regex.Match((await host.MessageAsync(stored!.Email!, 1)).Body, "Code provisoire : ([A-Z0-9]+)").Groups[1].Value;
        await host.Space(key).StartActivationAsync(code, activationId, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).CheckVitaleCardAsync(activationId, new VitaleCard(VitaleCardKind.WithoutPhoto, "1049300117"), GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).DecideAsync(activationId, ActivationDecision.Oppose, string.Empty, string.Empty, GrainsTestHost.Origin, CancellationToken.None);

        host.Time.Advance(TimeSpan.FromDays(42) + TimeSpan.FromHours(2));

        await Eventually.TrueAsync(async () => (await List(host, deadline)).Count == 0);
        Assert.Equal((SpaceStatus.Opposed, SpaceStatus.Opposed), ((await host.ReadStoredSpaceAsync(key))!.Status, (await host.ReadStoredAsync(key))!.Space));
    }

    [Fact]
    public async Task WakeAsync_SpaceDeadlineSweeper_RegistersItsReminderAtTheSweepInterval()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var sweeper = host.Grains.GetGrain<ISpaceDeadlineSweeperGrain>(SpaceDeadlineSweeperGrain.Key);

        await sweeper.WakeAsync(CancellationToken.None);

        var reminder = Assert.Single((await host.ReminderTable.ReadRows(sweeper.GetGrainId())).Reminders);
        Assert.Equal(("space-deadline-sweep", TimeSpan.FromHours(1)), (reminder.ReminderName, reminder.Period));
    }

    private static async Task<(string Key, DateTimeOffset Deadline)> SendCodeAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        var account = new NewMemberAccount(null, null)
        {
            Identifier = GrainsTestHost.IdentifierOf(key),
            Contacts = new MemberContacts($"m{Guid.NewGuid():N}@exemple.fr", null, []),
            VitaleCard = new VitaleCard(VitaleCardKind.WithoutPhoto, "1049300117"),
        };
        await host.Account(key).CreateAsync(account, GrainsTestHost.Origin, CancellationToken.None);
        var issue = await host.Space(key).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        return (key, issue.Deadline!.Value);
    }

    private static Task<IReadOnlyList<string>> List(GrainsTestHost host, DateTimeOffset deadline) =>
        host.Grains.GetGrain<ISpaceDeadlinesGrain>(deadline.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ListAsync(CancellationToken.None);
}
