using System.Text.RegularExpressions;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Tests;

public sealed partial class MemberAccountGrainSecondFactorTests
{
    private const string Email = "christian.durand@exemple.fr";
    private const string Mobile = "+33712345678";
    private const string Password = "Sante-Bleue-2026!";

    private readonly InspectableGrainStorage storage = new();
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task VerifyAccessCodeAsync_CodeSentThroughTheOtherSilo_SessionOpenedOnceForTheChosenIdentifier()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time, silos: 2);
        await host.StartDispatcherAsync();
        var key = await CreateActiveAsync(host);
        var login = await host.Account(key, silo: 0).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None);
        var code = await AccessCodeAsync(host, Email, 1);

        var onSecond = await host.Account(key, silo: 1).VerifyAccessCodeAsync(login.AccessCode!.FlowId, code, GrainsTestHost.Origin, CancellationToken.None);
        var againOnFirst = await host.Account(key, silo: 0).VerifyAccessCodeAsync(login.AccessCode.FlowId, code, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal((LoginStatus.AccessCodeSent, CodeChannel.Email, "c****@e****.fr"), (login.Status, login.AccessCode.Channel, login.AccessCode.MaskedDestination));
        Assert.Null(login.Session);
        Assert.Equal(LoginStatus.Succeeded, onSecond.Status);
        Assert.Equal(LoginStatus.AccessCodeExpired, againOnFirst.Status);
        var session = await host.Session(onSecond.Session!.Token, GrainsTestHost.SpaceTenant).ValidateAsync(CancellationToken.None);
        Assert.Equal((key, "christian.durand"), (session.AccountKey, session.Identifier));
    }

    [Fact]
    public async Task LoginAsync_SmsChosenButNoMobile_CodeGoesByEmail()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await CreateActiveAsync(host, mobile: null);

        var login = await host.Account(key).LoginAsync(Password, CodeChannel.Sms, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(CodeChannel.Email, login.AccessCode!.Channel);
        await AccessCodeAsync(host, Email, 1);
    }

    [Fact]
    public async Task LoginAsync_NoEmailNorMobile_NoAccessCodeChannelAndNoSession()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await CreateActiveAsync(host);
        await host.Account(key).UpdateContactsAsync(new ContactsUpdate(string.Empty, string.Empty, null, null), GrainsTestHost.Origin, CancellationToken.None);

        var login = await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(LoginResult.NoAccessCodeChannel, login);
    }

    [Fact]
    public async Task VerifyAccessCodeAsync_WrongCodesLockoutsInARow_EscalateThenRecoveryRequiredWhilePasswordCounterUntouched()
    {
        // Arrange: every round, a right password then three wrong codes; each lockout in a row lasts twice the last.
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await CreateActiveAsync(host);
        var lockouts = new List<TimeSpan>();
        LoginResult last = LoginResult.AccessCodeExpired;
        for (var round = 0; round < 10 && last.Status != LoginStatus.RecoveryRequired; round++)
        {
            var login = await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None);
            for (var i = 0; i < 3; i++)
            {
                last = await host.Account(key).VerifyAccessCodeAsync(login.AccessCode!.FlowId, "000000", GrainsTestHost.Origin, CancellationToken.None);
            }

            if (last.RetryAfter is { } wait)
            {
                lockouts.Add(wait);
                host.Time.Advance(wait);
            }
        }

        // Act
        var rightPassword = await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.Equal(LoginStatus.RecoveryRequired, last.Status);
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256], lockouts.Select(wait => (int)wait.TotalMinutes));
        Assert.Equal(LoginStatus.RecoveryRequired, rightPassword.Status);
        var stored = await host.ReadStoredAsync(key);
        Assert.Equal((0, 0), (stored!.PasswordAttempts.Failed, stored.PasswordAttempts.ConsecutiveLockouts));
    }

    [Fact]
    public async Task VerifyAccessCodeAsync_UnknownAccountOrFlow_ExpiredAndNothingStored()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var unknown = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        var key = await CreateActiveAsync(host);
        var before = (await host.ReadStoredAsync(key))!.AuditTrail.Count;

        var onUnknown = await host.Account(unknown).VerifyAccessCodeAsync(RandomToken.New(), "123456", GrainsTestHost.Origin, CancellationToken.None);
        var onKnown = await host.Account(key).VerifyAccessCodeAsync(RandomToken.New(), "123456", GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(LoginResult.AccessCodeExpired, onUnknown);
        Assert.Equal(LoginResult.AccessCodeExpired, onKnown);
        Assert.Null(await host.ReadStoredAsync(unknown));
        Assert.Equal(before, (await host.ReadStoredAsync(key))!.AuditTrail.Count);
    }

    [Fact]
    public async Task LoginAsync_AccessCode_NeitherCodeNorFlowIdInClearInTheStore()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await CreateActiveAsync(host);

        var login = await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None);
        var code = await AccessCodeAsync(host, Email, 1);

        Assert.False(host.StoredTextContains(code));
        Assert.False(host.StoredTextContains(login.AccessCode!.FlowId));
    }

    /// <summary>An account of the space tenant, activated through every step; the host's dispatcher must run.</summary>
    private static async Task<string> CreateActiveAsync(GrainsTestHost host, string? mobile = Mobile)
    {
        var key = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        var card = new Interfaces.Activation.VitaleCard(Interfaces.Activation.VitaleCardKind.WithPhoto, "8025000002");
        await host.Account(key).CreateAsync(new NewMemberAccount(null, null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(Email, mobile, []), VitaleCard = card }, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        var code = ProvisionalCodePattern().Match((await host.MessageAsync(Email, 1)).Body).Groups[1].Value;
        var activationId = RandomToken.New();
        await host.Space(key).StartActivationAsync(code, activationId, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).CheckVitaleCardAsync(activationId, card, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).DecideAsync(activationId, Interfaces.Activation.ActivationDecision.Activate, "cgu-1", "ppdp-1", GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).ConfirmContactsAsync(activationId, GrainsTestHost.Origin, CancellationToken.None);
        var activated = await host.Space(key).ChooseCredentialsAsync(activationId, "christian.durand", Password, GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(Interfaces.Activation.ActivationOutcome.Done, activated.Outcome);
        return key;
    }

    private static async Task<string> AccessCodeAsync(GrainsTestHost host, string destination, int count) =>
        AccessCodePattern().Match((await host.MessageAsync(destination, count + 1)).Body).Groups[1].Value;

    [GeneratedRegex("usage unique : ([0-9]+)")]
    private static partial Regex AccessCodePattern();

    [GeneratedRegex("Code provisoire : ([A-Z0-9]+)")]
    private static partial Regex ProvisionalCodePattern();
}
