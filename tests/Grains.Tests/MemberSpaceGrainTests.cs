using System.Text.RegularExpressions;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Activation;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Tests;

public sealed partial class MemberSpaceGrainTests
{
    private const string Email = "christian.durand@exemple.fr";
    private const string Nir = "168047512345617";
    private const string Password = "Sante-Bleue-2026!";
    private static readonly VitaleCard Card = new(VitaleCardKind.WithPhoto, "8025000002");

    private readonly InspectableGrainStorage storage = new();
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task StartActivationAsync_CodeSentThroughTheOtherSilo_EveryStepOnAlternateSilosActivates()
    {
        // Arrange: the code goes out through one silo; the member's steps land on either.
        await using var host = await GrainsTestHost.StartAsync(storage, time, silos: 2);
        await host.StartDispatcherAsync();
        var key = await ImportAsync(host);
        var code = await SendCodeAsync(host, key, expectedMessages: 1, silo: 0);
        var activationId = RandomToken.New();

        // Act
        var identified = await host.Space(key, silo: 1).StartActivationAsync(code, activationId, GrainsTestHost.Origin, CancellationToken.None);
        var card = await host.Space(key, silo: 0).CheckVitaleCardAsync(activationId, Card, GrainsTestHost.Origin, CancellationToken.None);
        var decided = await host.Space(key, silo: 1).DecideAsync(activationId, ActivationDecision.Activate, "cgu-1", "ppdp-1", GrainsTestHost.Origin, CancellationToken.None);
        var confirmed = await host.Space(key, silo: 0).ConfirmContactsAsync(activationId, GrainsTestHost.Origin, CancellationToken.None);
        var activated = await host.Space(key, silo: 1).ChooseCredentialsAsync(activationId, "christian.durand", Password, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.Equal([ActivationOutcome.Done, ActivationOutcome.Done, ActivationOutcome.Done, ActivationOutcome.Done, ActivationOutcome.Done], new[] { identified, card, decided, confirmed, activated }.Select(result => result.Outcome));
        Assert.Equal("c****@e****.fr", decided.MaskedEmail);
        var stored = await host.ReadStoredAsync(key);
        var profile = await host.ReadStoredProfileAsync(key);
        Assert.Equal((SpaceStatus.Active, "christian.durand", "cgu-1", "ppdp-1"), (stored!.Space, profile!.ChosenIdentifier, profile.AcceptedTermsVersion, profile.AcceptedPrivacyPolicyVersion));
        var space = await host.ReadStoredSpaceAsync(key);
        Assert.Equal(SpaceStatus.Active, space!.Status);
        Assert.Null(space.Activation);
        Assert.Null(space.ProvisionalCode);
        Assert.Equal(key, await host.Grains.GetGrain<IIdentifierAliasGrain>(GrainsTestHost.Keys.Alias(GrainsTestHost.SpaceTenant, "christian.durand")).FindAccountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ActivationSteps_Anything_NoCodeActivationIdCardSerialOrNirInClearInTheStore()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await ImportAsync(host);
        var code = await SendCodeAsync(host, key, expectedMessages: 1);
        var activationId = RandomToken.New();

        await host.Space(key).StartActivationAsync(code, activationId, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).CheckVitaleCardAsync(activationId, Card, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).DecideAsync(activationId, ActivationDecision.Activate, "cgu-1", "ppdp-1", GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).ChangeContactAsync(activationId, CodeChannel.Sms, "+33611223344", GrainsTestHost.Origin, CancellationToken.None);
        var contactCode = CodeIn((await host.MessageAsync("+33611223344", 1)).Body);

        Assert.False(host.StoredTextContains(code));
        Assert.False(host.StoredTextContains(activationId));
        Assert.False(host.StoredTextContains(Card.SerialNumber));
        Assert.False(host.StoredTextContains(Nir));
        Assert.False(host.StoredTextContains(contactCode));
    }

    [Fact]
    public async Task StartActivationAsync_DeadlinePassedAndNoSweepRan_SpaceCreatedByTheStepItselfAndCodeRefused()
    {
        // No dispatcher or sweep: the member's own call finds the deadline passed in the stored state.
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        var key = await ImportAsync(host);
        await host.Space(key).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(42));

        var result = await host.Space(key).StartActivationAsync("ABCDEFGHJKMN", RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(ActivationOutcome.Refused, result.Outcome);
        Assert.Equal(SpaceStatus.Created, (await host.ReadStoredSpaceAsync(key))!.Status);
        var stored = await host.ReadStoredAsync(key);
        Assert.Equal(SpaceStatus.Created, stored!.Space);
        Assert.Contains(stored.AuditTrail, entry => entry.Event == AuditEvent.SpaceCreated && entry.Caller == "space-deadline");
        Assert.Contains(stored.Outbox, entry => entry.Message.Kind == Interfaces.Notifications.NotificationKind.SpaceCreated);
    }

    [Fact]
    public async Task StartActivationAsync_WrongCodesOnTwoCodes_CountedOnTheAccountsBudgetWhichThenRefusesTheRightCode()
    {
        // Arrange: the budget of wrong codes (10) is the account's, shared with recovery codes; each code dies after 5.
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await ImportAsync(host);
        await SendCodeAsync(host, key, expectedMessages: 1);
        await EnterWrongCodesAsync(host, key, 5);
        await SendCodeAsync(host, key, expectedMessages: 2);
        await EnterWrongCodesAsync(host, key, 5);
        var code = await SendCodeAsync(host, key, expectedMessages: 3);

        // Act
        var result = await host.Space(key).StartActivationAsync(code, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);

        // Assert: refused without counting on the code itself.
        Assert.Equal(ActivationOutcome.Refused, result.Outcome);
        Assert.Equal(10, (await host.ReadStoredAsync(key))!.FailedCodeEntries.Count);
        Assert.Equal(0, (await host.ReadStoredSpaceAsync(key))!.ProvisionalCode!.FailedTries);
        var trail = await host.Account(key).GetAuditTrailAsync(CancellationToken.None);
        Assert.Equal(10, trail!.Count(entry => entry.Event == AuditEvent.CodeRejected));
    }

    [Fact]
    public async Task IssueProvisionalCodeAsync_SecondCode_FirstStopsWorkingAndTheDeadlineStays()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await ImportAsync(host);
        var firstIssue = await host.Space(key).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        var firstCode = CodeIn((await host.MessageAsync(Email, 1)).Body);
        host.Time.Advance(TimeSpan.FromDays(10));

        var secondIssue = await host.Space(key).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        var secondCode = CodeIn((await host.MessageAsync(Email, 2)).Body);
        var withFirst = await host.Space(key).StartActivationAsync(firstCode, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        var withSecond = await host.Space(key).StartActivationAsync(secondCode, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(firstIssue.Deadline, secondIssue.Deadline);
        Assert.Equal(host.Time.GetUtcNow().AddDays(42), secondIssue.ExpiresAt);
        Assert.Equal(ActivationOutcome.Refused, withFirst.Outcome);
        Assert.Equal(ActivationOutcome.Done, withSecond.Outcome);
    }

    [Fact]
    public async Task ChooseCredentialsAsync_TwoMembersRaceForOneIdentifierThroughBothSilos_ExactlyOneHoldsIt()
    {
        // Arrange: two members ready for the last step, each sending it through a silo of their own.
        await using var host = await GrainsTestHost.StartAsync(storage, time, silos: 2);
        await host.StartDispatcherAsync();
        var alice = await ReadyForCredentialsAsync(host, "alice@exemple.fr", 1);
        var bob = await ReadyForCredentialsAsync(host, "bob@exemple.fr", 1);

        // Act
        var results = await Task.WhenAll(
            host.Space(alice.Key, silo: 0).ChooseCredentialsAsync(alice.ActivationId, "le.meme.nom", Password, GrainsTestHost.Origin, CancellationToken.None),
            host.Space(bob.Key, silo: 1).ChooseCredentialsAsync(bob.ActivationId, "le.meme.nom", Password, GrainsTestHost.Origin, CancellationToken.None));

        // Assert: one activated, the other told to choose again and holding nothing.
        Assert.Equal([ActivationOutcome.Done, ActivationOutcome.IdentifierTaken], results.Select(result => result.Outcome).Order());
        var loser = results[0].Outcome == ActivationOutcome.Done ? bob.Key : alice.Key;
        var winner = loser == alice.Key ? bob.Key : alice.Key;
        Assert.Null((await host.ReadStoredProfileAsync(loser))!.ChosenIdentifier);
        Assert.Equal(winner, await host.Grains.GetGrain<IIdentifierAliasGrain>(GrainsTestHost.Keys.Alias(GrainsTestHost.SpaceTenant, "le.meme.nom")).FindAccountAsync(CancellationToken.None));
        var again = await host.Space(loser).ChooseCredentialsAsync(loser == alice.Key ? alice.ActivationId : bob.ActivationId, "un.autre.nom", Password, GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(ActivationOutcome.Done, again.Outcome);
    }

    [Fact]
    public async Task ChooseCredentialsAsync_IdentifierReservedButTheClaimLostInACrash_ClaimedOnTheRetryAndSignInWorks()
    {
        // Arrange: the identifier is on the account, but the process died before its alias was written.
        string key, activationId;
        await using (var before = await GrainsTestHost.StartAsync(storage, time))
        {
            await before.StartDispatcherAsync();
            (key, activationId) = await ReadyForCredentialsAsync(before, Email, 1);
        }

        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.ChangeStoredProfileAsync(key, profile => profile.ChosenIdentifier = "christian.durand");

        // Act
        var result = await host.Space(key).ChooseCredentialsAsync(activationId, "christian.durand", Password, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.Equal(ActivationOutcome.Done, result.Outcome);
        Assert.Equal(key, await host.Grains.GetGrain<IIdentifierAliasGrain>(GrainsTestHost.Keys.Alias(GrainsTestHost.SpaceTenant, "christian.durand")).FindAccountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyDeadlineAsync_AccountActivatedButTheSpacesWriteLost_MemberStillSignsIn()
    {
        // Arrange: the account stored the password, then the process died before the space stored that it is active.
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var (key, _) = await ReadyForCredentialsAsync(host, Email, 1);
        var flowEnd = (await host.ReadStoredSpaceAsync(key))!.Activation!.ExpiresAt;
        await host.Account(key).ActivateSpaceAsync("christian.durand", Password, flowEnd, GrainsTestHost.Origin, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(42));

        // Act
        var applied = await host.Space(key).ApplyDeadlineAsync(CancellationToken.None);

        // Assert
        Assert.True(applied);
        Assert.Equal(SpaceStatus.Active, (await host.ReadStoredAsync(key))!.Space);
        Assert.Equal(LoginStatus.AccessCodeSent, (await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ChooseCredentialsAsync_WeakPassword_NothingReservedNorClaimed()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var (key, activationId) = await ReadyForCredentialsAsync(host, Email, 1);

        var result = await host.Space(key).ChooseCredentialsAsync(activationId, "christian.durand", "sante", GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(ActivationOutcome.SecretRejected, result.Outcome);
        Assert.Contains(SecretViolation.MissingUppercase, result.Violations);
        Assert.Null((await host.ReadStoredProfileAsync(key))!.ChosenIdentifier);
        Assert.Null(await host.Grains.GetGrain<IIdentifierAliasGrain>(GrainsTestHost.Keys.Alias(GrainsTestHost.SpaceTenant, "christian.durand")).FindAccountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ChangeContactAsync_AskedAgainAtOnce_SameContactKeepsItsCodeAnotherWaits()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var key = await ImportAsync(host);
        var activationId = await DecidedAsync(host, key, 1);

        var first = await host.Space(key).ChangeContactAsync(activationId, CodeChannel.Email, "neuf@exemple.fr", GrainsTestHost.Origin, CancellationToken.None);
        var same = await host.Space(key).ChangeContactAsync(activationId, CodeChannel.Email, "neuf@exemple.fr", GrainsTestHost.Origin, CancellationToken.None);
        var other = await host.Space(key).ChangeContactAsync(activationId, CodeChannel.Email, "autre@exemple.fr", GrainsTestHost.Origin, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await host.Space(key).ChangeContactAsync(activationId, CodeChannel.Email, "autre@exemple.fr", GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal((ActivationOutcome.Done, ActivationOutcome.Done, ActivationOutcome.TooSoon, ActivationOutcome.Done), (first.Outcome, same.Outcome, other.Outcome, later.Outcome));
        Assert.Equal(TimeSpan.FromMinutes(1), other.RetryAfter);
        await host.MessageAsync("autre@exemple.fr", 1);
        Assert.Single(host.SentTo("neuf@exemple.fr"));
    }

    [Fact]
    public async Task CloseSpaceAsync_ActiveSpace_ClosedPasswordGoneAndTheIdentifierKept()
    {
        await using var host = await GrainsTestHost.StartAsync(storage, time);
        await host.StartDispatcherAsync();
        var (key, activationId) = await ReadyForCredentialsAsync(host, Email, 1);
        await host.Space(key).ChooseCredentialsAsync(activationId, "christian.durand", Password, GrainsTestHost.Origin, CancellationToken.None);

        var closed = await host.Space(key).CloseAsync(GrainsTestHost.Origin, CancellationToken.None);
        var closedAgain = await host.Space(key).CloseAsync(GrainsTestHost.Origin, CancellationToken.None);

        Assert.True(closed);
        Assert.False(closedAgain);
        Assert.Equal(SpaceStatus.Closed, (await host.ReadStoredSpaceAsync(key))!.Status);
        var stored = await host.ReadStoredAsync(key);
        Assert.Equal((SpaceStatus.Closed, string.Empty, "christian.durand"), (stored!.Space, stored.SecretHash, (await host.ReadStoredProfileAsync(key))!.ChosenIdentifier));
        Assert.Equal(LoginStatus.InvalidCredentials, (await host.Account(key).LoginAsync(Password, null, GrainsTestHost.Origin, CancellationToken.None)).Status);
    }

    private static async Task<string> ImportAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        var account = new NewMemberAccount(null, new DateOnly(1968, 4, 12))
        {
            Identifier = GrainsTestHost.IdentifierOf(key),
            Nir = Nir,
            Contacts = new MemberContacts(Email, "+33712345678", ["Christian DURAND", "40 avenue Daumesnil", "75012 PARIS"]),
            VitaleCard = Card,
        };
        Assert.Equal(AccountCreationResult.Created, await host.Account(key).CreateAsync(account, GrainsTestHost.Origin, CancellationToken.None));
        return key;
    }

    private static async Task<string> SendCodeAsync(GrainsTestHost host, string key, int expectedMessages, int? silo = null)
    {
        var issue = await host.Space(key, silo).IssueProvisionalCodeAsync(GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(ProvisionalCodeOutcome.Sent, issue.Outcome);
        var destination = (await host.ReadStoredProfileAsync(key))!.Email!;
        return CodeIn((await host.MessageAsync(destination, expectedMessages)).Body);
    }

    private static async Task EnterWrongCodesAsync(GrainsTestHost host, string key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(ActivationOutcome.Refused, (await host.Space(key).StartActivationAsync("ABCDEFGHJKMN", RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None)).Outcome);
        }
    }

    private static async Task<string> DecidedAsync(GrainsTestHost host, string key, int expectedMessages)
    {
        var activationId = RandomToken.New();
        await host.Space(key).StartActivationAsync(await SendCodeAsync(host, key, expectedMessages), activationId, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).CheckVitaleCardAsync(activationId, Card, GrainsTestHost.Origin, CancellationToken.None);
        await host.Space(key).DecideAsync(activationId, ActivationDecision.Activate, "cgu-1", "ppdp-1", GrainsTestHost.Origin, CancellationToken.None);
        return activationId;
    }

    private static async Task<(string Key, string ActivationId)> ReadyForCredentialsAsync(GrainsTestHost host, string email, int expectedMessages)
    {
        var key = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        var account = new NewMemberAccount(null, null) { Identifier = GrainsTestHost.IdentifierOf(key), Nir = Nir, Contacts = new MemberContacts(email, null, []), VitaleCard = Card };
        await host.Account(key).CreateAsync(account, GrainsTestHost.Origin, CancellationToken.None);
        var activationId = await DecidedAsync(host, key, expectedMessages);
        Assert.Equal(ActivationOutcome.Done, (await host.Space(key).ConfirmContactsAsync(activationId, GrainsTestHost.Origin, CancellationToken.None)).Outcome);
        return (key, activationId);
    }

    private static string CodeIn(string body) => CodePattern().Match(body).Groups[1].Value;

    [GeneratedRegex("(?:Code provisoire|usage unique) : ([A-Z0-9]+)")]
    private static partial Regex CodePattern();
}
