using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// "Dans un délai de 6 semaines à partir de la réception de cet e-mail, le service Mon espace santé sera créé
/// automatiquement" — on a server of its own, whose clock these tests move by weeks.
/// </summary>
public sealed class MonEspaceSanteDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan SixWeeks = TimeSpan.FromDays(42);

    private SesameServer? server;

    private SesameServer Server => server!;

    private SpacePortal Portal => new(Server);

    public async Task InitializeAsync() =>
        server = await SesameServer.StartAsync(new Dictionary<string, string?> { ["Sesame:Notifications:SweepInterval"] = "01:00:00" });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Deadline_SixWeeksWithoutDecision_SpaceCreatedByTheSweepAndTheMemberTold()
    {
        var member = await Portal.ImportAsync();
        var code = await Portal.SendProvisionalCodeAsync(member);

        Server.Clock.Advance(SixWeeks - TimeSpan.FromHours(2));
        var before = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Server.Clock.Advance(TimeSpan.FromHours(3));

        Assert.DoesNotContain("AUDIT_EVENT_SPACE_CREATED", before);
        await HoursPassUntilSpaceCreatedAsync(member);
        var email = await Server.WaitForMessageAsync(member.email, "a été créé");
        Assert.Equal("Mon espace santé : votre espace a été créé", email.Subject);
        Assert.Equal("IDENTIFY_STATUS_REFUSED", (await Portal.IdentifyAsync(code, member.nir)).Field("status"));
    }

    [Fact]
    public async Task Deadline_CreatedSpace_ActivatedLaterWithANewCodeAndNoNewDeadline()
    {
        // "Vous pourrez à tout moment changer d'avis : ... l'activer si vous ne l'aviez pas fait."
        var member = await Portal.ImportAsync();
        await Portal.SendProvisionalCodeAsync(member);
        Server.Clock.Advance(SixWeeks + TimeSpan.FromHours(1));
        await HoursPassUntilSpaceCreatedAsync(member);

        var sentBefore = Portal.ProvisionalCodesSent(member.email);
        var newCode = await Portal.IssueProvisionalCodeAsync(member);
        var identifier = await Portal.ActivateAsync(member, code: await Portal.ProvisionalCodeAsync(member.email, sentBefore));

        Assert.Null(newCode.Response!["deadline"]);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier)).Field("status"));
    }

    [Fact]
    public async Task Deadline_MemberOpposed_NothingCreatedWhenSixWeeksPass()
    {
        // "Je m'oppose à la création de Mon espace santé".
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        await Portal.OpposeAsync(activationId);
        var probe = await SendCodeToProbeAsync();

        Server.Clock.Advance(SixWeeks + TimeSpan.FromHours(1));
        await HoursPassUntilSpaceCreatedAsync(probe);

        var events = await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier);
        Assert.Equal("AUDIT_EVENT_SPACE_OPPOSED", events[^1]);
        Assert.DoesNotContain("AUDIT_EVENT_SPACE_CREATED", events);
    }

    [Fact]
    public async Task Deadline_MemberActivatedBefore_SpaceStaysActiveAndUntouched()
    {
        var member = await Portal.ImportAsync();
        var identifier = await Portal.ActivateAsync(member);
        var probe = await SendCodeToProbeAsync();

        Server.Clock.Advance(SixWeeks + TimeSpan.FromHours(1));
        await HoursPassUntilSpaceCreatedAsync(probe);

        Assert.DoesNotContain("AUDIT_EVENT_SPACE_CREATED", await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Portal.SignInAsync(member, identifier)).Field("status"));
    }

    /// <summary>
    /// Lets the clock run on, an hour at a time, until <paramref name="member"/>'s space is created. The sweep arms its
    /// next tick only once a tick has ended: a tick still reading weeks of deadline lists when the test moves the
    /// clock past the deadline is followed by one an interval after that, which a test that stops the clock never reaches.
    /// </summary>
    private Task HoursPassUntilSpaceCreatedAsync(MemberRecordFields member) => Eventually.TrueAsync(async () =>
    {
        if ((await Server.AuditEventsAsync(SpacePortal.Tenant, member.identifier)).Contains("AUDIT_EVENT_SPACE_CREATED"))
        {
            return true;
        }

        Server.Clock.Advance(TimeSpan.FromHours(1));
        return false;
    });

    /// <summary>
    /// A member sent a code at the same moment, who does nothing: once the sweep created this one's space, it has read
    /// the deadlines of that day.
    /// </summary>
    private async Task<MemberRecordFields> SendCodeToProbeAsync()
    {
        var probe = await Portal.ImportAsync();
        await Portal.SendProvisionalCodeAsync(probe);
        return probe;
    }
}
