using Orleans.Storage;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class MemberAccountGrainTests(SharedCluster cluster)
{
    private const string Pin = "482913";
    private const string WrongPin = "482914";

    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task CreateAsync_NewKey_StoresHashNotPin()
    {
        var key = GrainsTestHost.NewAccountKey();

        var result = await host.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(AccountCreationResult.Created, result);
        var stored = await host.ReadStoredAsync(key);
        Assert.StartsWith("$sesame-pbkdf2-sha256$v=1$", stored!.SecretHash, StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, stored.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ExistingAccount_AlreadyExistsAndPinUnchanged()
    {
        var key = await CreateAccountAsync();

        var result = await host.Account(key).CreateAsync(new NewMemberAccount("305718", null) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(AccountCreationStatus.AlreadyExists, result.Status);
        Assert.Equal(LoginStatus.Succeeded, (await LoginAsync(key, Pin)).Status);
    }

    [Theory]
    [InlineData("111111", SecretViolation.RepeatedDigits)]
    [InlineData("123456", SecretViolation.SequentialDigits)]
    [InlineData("140385", SecretViolation.BirthDate)]
    [InlineData("12345", SecretViolation.PinFormat)]
    public async Task CreateAsync_WeakPin_RejectedAndNothingStored(string pin, SecretViolation expected)
    {
        var key = GrainsTestHost.NewAccountKey();

        var result = await host.Account(key).CreateAsync(new NewMemberAccount(pin, new DateOnly(1985, 3, 14)) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(AccountCreationStatus.SecretRejected, result.Status);
        Assert.Equal([expected], result.Violations);
        Assert.Null(await host.ReadStoredAsync(key));
    }

    [Fact]
    public async Task CreateAsync_UnknownTenant_RefusedAndNothingStored()
    {
        var key = GrainsTestHost.NewAccountKey("nowhere");

        var result = await host.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(AccountCreationResult.UnknownTenant, result);
        Assert.Null(await host.ReadStoredAsync(key));
    }

    [Fact]
    public async Task LoginAsync_RightPin_Succeeds()
    {
        var key = await CreateAccountAsync();

        var result = await LoginAsync(key, Pin);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
        Assert.Equal(host.Time.GetUtcNow(), (await host.ReadStoredAsync(key))!.LastLoginAt);
        Assert.True(RandomToken.IsWellFormed(result.Session!.Token));
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(15), result.Session.ExpiresAt);
    }

    [Fact]
    public async Task LoginAsync_Success_SessionValidatesForThisAccountAndTokenIsNotStored()
    {
        var key = await CreateAccountAsync();

        var session = (await LoginAsync(key, Pin)).Session!;
        var validation = await host.Session(session.Token).ValidateAsync(CancellationToken.None);

        Assert.Equal(new SessionValidation(true, key, session.ExpiresAt, GrainsTestHost.IdentifierOf(key)), validation);
        Assert.False(host.StoredTextContains(session.Token));
    }

    [Fact]
    public async Task LoginAsync_WrongPin_NoSession()
    {
        var key = await CreateAccountAsync();

        var result = await LoginAsync(key, WrongPin);

        Assert.Null(result.Session);
        Assert.Empty((await host.ReadStoredAsync(key))!.Sessions);
    }

    [Fact]
    public async Task LoginAsync_WrongPin_WritesTheAccountStateOnlyNotTheProfile()
    {
        var key = await CreateAccountAsync();
        var accountBefore = host.Storage.Find("account", GrainsTestHost.AccountId(key))!.ETag;
        var profileBefore = host.Storage.Find("profile", GrainsTestHost.AccountId(key))!.ETag;

        await LoginAsync(key, WrongPin);

        Assert.NotEqual(accountBefore, host.Storage.Find("account", GrainsTestHost.AccountId(key))!.ETag);
        Assert.Equal(profileBefore, host.Storage.Find("profile", GrainsTestHost.AccountId(key))!.ETag);
    }

    [Fact]
    public async Task UpdateContactsAsync_NewEmail_StoredInTheProfileAndAuditedOnTheAccount()
    {
        var key = await CreateAccountAsync();

        var updated = await host.Account(key).UpdateContactsAsync(new ContactsUpdate("sophie.martin@courriel.fr", null, null, null), GrainsTestHost.Origin, CancellationToken.None);

        Assert.True(updated);
        Assert.Equal("sophie.martin@courriel.fr", (await host.ReadStoredProfileAsync(key))!.Email);
        Assert.Equal(AuditEvent.ContactsChanged, (await host.ReadStoredAsync(key))!.AuditTrail[^1].Event);
    }

    [Fact]
    public async Task EndSessionsAsync_TwoSessions_BothEndAndAreAudited()
    {
        var key = await CreateAccountAsync();
        var first = (await LoginAsync(key, Pin)).Session!;
        var second = (await LoginAsync(key, Pin)).Session!;

        var ended = await host.Account(key).EndSessionsAsync(GrainsTestHost.Origin, CancellationToken.None);

        Assert.Equal(2, ended);
        Assert.False((await host.Session(first.Token).ValidateAsync(CancellationToken.None)).Valid);
        Assert.False((await host.Session(second.Token).ValidateAsync(CancellationToken.None)).Valid);
        Assert.Equal(AuditEvent.SessionsEnded, (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))![^1].Event);
    }

    [Fact]
    public async Task LoginAsync_ExpiredSessionsListed_ForgottenAtTheNextSignIn()
    {
        var key = await CreateAccountAsync();
        await LoginAsync(key, Pin);
        host.Time.Advance(TimeSpan.FromHours(9));

        await LoginAsync(key, Pin);

        Assert.Single((await host.ReadStoredAsync(key))!.Sessions);
    }

    [Fact]
    public async Task LoginAsync_WrongPins_CountDownRemainingAttempts()
    {
        var key = await CreateAccountAsync();

        var first = await LoginAsync(key, WrongPin);
        var second = await LoginAsync(key, WrongPin);

        Assert.Equal(LoginResult.Invalid(2), first);
        Assert.Equal(LoginResult.Invalid(1), second);
        Assert.Equal(2, (await host.ReadStoredAsync(key))!.PasswordAttempts.Failed);
    }

    [Fact]
    public async Task LoginAsync_ThirdWrongPin_LocksForOneMinuteAndStoresLockedUntil()
    {
        var key = await CreateAccountAsync();
        await LoginAsync(key, WrongPin);
        await LoginAsync(key, WrongPin);

        var third = await LoginAsync(key, WrongPin);

        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(1)), third);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(1), (await host.ReadStoredAsync(key))!.PasswordAttempts.LockedUntil);
    }

    [Fact]
    public async Task LoginAsync_RightPinWhileLocked_RefusedWithTimeLeft()
    {
        var key = await LockedAccountAsync();
        host.Time.Advance(TimeSpan.FromSeconds(20));

        var result = await LoginAsync(key, Pin);

        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromSeconds(40)), result);
    }

    [Fact]
    public async Task LoginAsync_AfterTheMinute_RightPinSucceeds()
    {
        var key = await LockedAccountAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await LoginAsync(key, Pin);

        Assert.Equal(LoginStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task LoginAsync_AfterTheMinute_WrongPinStartsAFreshCount()
    {
        var key = await LockedAccountAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await LoginAsync(key, WrongPin);

        Assert.Equal(LoginResult.Invalid(2), result);
    }

    [Fact]
    public async Task LoginAsync_SecondLockoutInARow_LastsTwiceAsLong()
    {
        var key = await LockedAccountAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var results = new List<LoginResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await LoginAsync(key, WrongPin));
        }

        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(2)), results[2]);
        Assert.Equal(2, (await host.ReadStoredAsync(key))!.PasswordAttempts.ConsecutiveLockouts);
    }

    [Fact]
    public async Task LoginAsync_SuccessAfterALockout_StartsTheScheduleOver()
    {
        var key = await LockedAccountAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await LoginAsync(key, Pin);

        LoginResult? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await LoginAsync(key, WrongPin);
        }

        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(1)), last);
    }

    [Fact]
    public async Task LoginAsync_TenLockoutsInARow_RecoveryRequiredEvenForTheRightPin()
    {
        var key = await CreateAccountAsync();

        var last = await GuessUntilAsync(key, LoginStatus.RecoveryRequired, TimeSpan.FromDays(30));
        var rightPin = await LoginAsync(key, Pin);
        host.Time.Advance(TimeSpan.FromDays(30));
        var muchLater = await LoginAsync(key, Pin);

        Assert.Equal(LoginResult.RecoveryRequired, last);
        Assert.Equal(LoginResult.RecoveryRequired, rightPin);
        Assert.Equal(LoginResult.RecoveryRequired, muchLater);
        Assert.True((await host.ReadStoredAsync(key))!.RecoveryRequired);
    }

    [Fact]
    public async Task UnlockAsync_AccountNeedingRecovery_RightPinAcceptedAgainAndAudited()
    {
        var key = await CreateAccountAsync();
        await GuessUntilAsync(key, LoginStatus.RecoveryRequired, TimeSpan.FromDays(30));

        var unlocked = await host.Account(key).UnlockAsync(GrainsTestHost.Origin, CancellationToken.None);
        var rightPin = await LoginAsync(key, Pin);

        Assert.True(unlocked);
        Assert.Equal(LoginStatus.Succeeded, rightPin.Status);
        var trail = (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))!;
        Assert.Contains(trail, entry => entry.Event == AuditEvent.RecoveryRequired);
        Assert.Equal(AuditEvent.Unlocked, trail[^2].Event);
    }

    [Fact]
    public async Task UnlockAsync_NoAccount_FalseAndNothingStored()
    {
        var key = GrainsTestHost.NewAccountKey();

        Assert.False(await host.Account(key).UnlockAsync(GrainsTestHost.Origin, CancellationToken.None));
        Assert.Null(await host.ReadStoredAsync(key));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LoginAsync_AYearOfContinuousGuessing_AtMostAHundredGuessesChecked(bool accountExists)
    {
        // NIST SP 800-63B 5.2.2: an attacker guessing one account without pause, for a year, retrying the moment a
        // lockout ends (and every hour once recovery is required), gets at most ~100 guesses checked.
        var key = accountExists ? await CreateAccountAsync() : GrainsTestHost.NewAccountKey();
        var year = host.Time.GetUtcNow().AddYears(1);
        var checkedBefore = host.SecretsVerified;
        var attempts = 0;

        while (host.Time.GetUtcNow() < year)
        {
            var result = await LoginAsync(key, $"{100000 + (attempts++ % 899999)}");
            Assert.NotEqual(LoginStatus.Succeeded, result.Status);
            if (result.Status == LoginStatus.LockedOut)
            {
                host.Time.Advance(result.RetryAfter!.Value);
            }
            else if (result.Status == LoginStatus.RecoveryRequired)
            {
                host.Time.Advance(TimeSpan.FromHours(1));
            }
        }

        var guesses = host.SecretsVerified - checkedBefore;
        Assert.InRange(guesses, 1, 100);
        Assert.Equal(30, guesses);
    }

    private async Task<LoginResult> GuessUntilAsync(string key, LoginStatus status, TimeSpan limit)
    {
        var end = host.Time.GetUtcNow() + limit;
        LoginResult result;
        do
        {
            result = await LoginAsync(key, WrongPin);
            if (result.Status == LoginStatus.LockedOut)
            {
                host.Time.Advance(result.RetryAfter!.Value);
            }
        }
        while (result.Status != status && host.Time.GetUtcNow() < end);

        return result;
    }

    [Fact]
    public async Task LockoutTimer_MinutePasses_ClearsStoredLockout()
    {
        var key = await LockedAccountAsync();

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.PasswordAttempts.LockedUntil is null);
        var stored = (await host.ReadStoredAsync(key))!;

        Assert.Null(stored.PasswordAttempts.LockedUntil);
        Assert.Equal(0, stored.PasswordAttempts.Failed);
    }

    [Fact]
    public async Task LoginAsync_SuccessAfterFailures_ResetsTheCount()
    {
        var key = await CreateAccountAsync();
        await LoginAsync(key, WrongPin);
        await LoginAsync(key, WrongPin);

        await LoginAsync(key, Pin);
        var afterReset = await LoginAsync(key, WrongPin);

        Assert.Equal(LoginResult.Invalid(2), afterReset);
    }

    [Fact]
    public async Task LoginAsync_PolicyHidesRemainingAttempts_NoCountAndPolicyLockout()
    {
        var key = await CreateAccountAsync(GrainsTestHost.SilentTenant);

        var results = new List<LoginResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await LoginAsync(key, WrongPin));
        }

        Assert.All(results[..4], result => Assert.Equal(LoginResult.Invalid(null), result));
        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(2)), results[4]);
    }

    [Fact]
    public async Task LoginAsync_UnknownIdentifierThroughTwoSilos_CountedOnceAndLockedOnBoth()
    {
        var key = GrainsTestHost.NewAccountKey();

        var results = new List<LoginResult>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            results.Add(await LoginAsync(key, WrongPin, silo: attempt % 2));
        }

        Assert.Equal([LoginStatus.InvalidCredentials, LoginStatus.InvalidCredentials, LoginStatus.LockedOut, LoginStatus.LockedOut], results.Select(result => result.Status));
        Assert.Equal([2, 1], results.Take(2).Select(result => result.RemainingAttempts));
        Assert.Null(await host.ReadStoredAsync(key));
    }

    [Fact]
    public async Task LoginAsync_UnknownIdentifier_AnswersLikeAKnownAccountAndStoresNothing()
    {
        var known = await CreateAccountAsync();
        var unknown = GrainsTestHost.NewAccountKey();

        var knownResults = new List<LoginResult>();
        var unknownResults = new List<LoginResult>();
        for (var i = 0; i < 4; i++)
        {
            knownResults.Add(await LoginAsync(known, WrongPin));
            unknownResults.Add(await LoginAsync(unknown, WrongPin));
        }

        Assert.Equal(knownResults, unknownResults);
        Assert.Null(await host.ReadStoredAsync(unknown));
    }

    [Fact]
    public async Task LoginAsync_UnknownTenant_UnknownTenantStatus()
    {
        var result = await LoginAsync(GrainsTestHost.NewAccountKey("nowhere"), Pin);

        Assert.Equal(LoginResult.UnknownTenant, result);
    }

    [Fact]
    public async Task LoginAsync_HashWithOlderParameters_RehashedOnSuccess()
    {
        var storage = new InspectableGrainStorage();
        var key = GrainsTestHost.NewAccountKey();
        string oldHash;
        await using (var before = await GrainsTestHost.StartAsync(storage))
        {
            await before.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None);
            oldHash = (await before.ReadStoredAsync(key))!.SecretHash;
        }

        await using var after = await GrainsTestHost.StartAsync(storage, hashing: options => options.Iterations = 110_000);
        var result = await after.Account(key).LoginAsync(Pin, null, GrainsTestHost.Origin, CancellationToken.None);

        var newHash = (await after.ReadStoredAsync(key))!.SecretHash;
        Assert.Equal(LoginStatus.Succeeded, result.Status);
        Assert.Contains("i=100000,", oldHash, StringComparison.Ordinal);
        Assert.Contains("i=110000,", newHash, StringComparison.Ordinal);
        Assert.Equal(LoginStatus.Succeeded, (await after.Account(key).LoginAsync(Pin, null, GrainsTestHost.Origin, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task LoginAsync_WrongPinsThroughBothSilos_AddUpAndBothRefuseTheLockedAccount()
    {
        var key = await CreateAccountAsync();
        await LoginAsync(key, Pin, silo: 0);
        await LoginAsync(key, Pin, silo: 1);

        var onFirst = await LoginAsync(key, WrongPin, silo: 0);
        var onSecond = await LoginAsync(key, WrongPin, silo: 1);
        var onFirstAgain = await LoginAsync(key, WrongPin, silo: 0);

        Assert.Equal(LoginResult.Invalid(2), onFirst);
        Assert.Equal(LoginResult.Invalid(1), onSecond);
        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(1)), onFirstAgain);
        Assert.Equal(LoginStatus.LockedOut, (await LoginAsync(key, Pin, silo: 1)).Status);
    }

    [Fact]
    public async Task LoginAsync_StoreChangedBehindTheActivation_ConflictFailsTheCallAndTheNextOneReadsTheStore()
    {
        // Arrange: the account's activation holds one failure; a write it did not make leaves two in the store.
        var key = await CreateAccountAsync();
        await LoginAsync(key, WrongPin);
        await host.ChangeStoredAsync(key, state => state.PasswordAttempts.Failed = 2);

        // Act
        var conflict = await Record.ExceptionAsync(() => LoginAsync(key, WrongPin));
        var next = await LoginAsync(key, WrongPin);

        // Assert: the conflict is not retried but told (ABORTED at the edge); the next call counts on the stored two.
        Assert.IsType<InconsistentStateException>(conflict);
        Assert.Equal(LoginResult.LockedOut(TimeSpan.FromMinutes(1)), next);
    }

    [Fact]
    public async Task LoginAsync_Outcomes_AuditedWithOriginAndNeverThePin()
    {
        var key = await CreateAccountAsync();
        await LoginAsync(key, Pin);
        for (var i = 0; i < 3; i++)
        {
            await LoginAsync(key, WrongPin);
        }

        await LoginAsync(key, Pin);

        var trail = (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))!;
        Assert.Equal(
            [AuditEvent.AccountCreated, AuditEvent.LoginSucceeded, AuditEvent.LoginFailed, AuditEvent.LoginFailed, AuditEvent.LockedOut, AuditEvent.LoginRefusedWhileLocked],
            trail.Select(entry => entry.Event));
        Assert.All(trail, entry => Assert.Equal(GrainsTestHost.Origin, new CallOrigin(entry.Caller, entry.ClientIp, entry.UserAgent)));
        var stored = System.Text.Json.JsonSerializer.Serialize(await host.ReadStoredAsync(key));
        Assert.DoesNotContain(Pin, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPin, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_ManyAttempts_AuditTrailKeepsTheMostRecent()
    {
        var key = await CreateAccountAsync();

        for (var i = 0; i < MemberAccountGrain.AuditTrailLength + 10; i++)
        {
            await host.Account(key).LoginAsync(Pin, null, GrainsTestHost.Origin with { UserAgent = $"agent {i}" }, CancellationToken.None);
        }

        var trail = (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))!;
        Assert.Equal(MemberAccountGrain.AuditTrailLength, trail.Count);
        Assert.Equal($"agent {MemberAccountGrain.AuditTrailLength + 9}", trail[^1].UserAgent);
    }

    [Fact]
    public async Task GetAuditTrailAsync_NoAccount_Null()
    {
        var key = GrainsTestHost.NewAccountKey();
        await LoginAsync(key, WrongPin);

        Assert.Null(await host.Account(key).GetAuditTrailAsync(CancellationToken.None));
    }

    private async Task<string> CreateAccountAsync(string tenant = GrainsTestHost.Tenant)
    {
        var key = GrainsTestHost.NewAccountKey(tenant);
        Assert.Equal(AccountCreationResult.Created, await host.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key) }, GrainsTestHost.Origin, CancellationToken.None));
        return key;
    }

    private async Task<string> LockedAccountAsync()
    {
        var key = await CreateAccountAsync();
        for (var i = 0; i < new LockoutPolicy().MaxFailedAttempts; i++)
        {
            await LoginAsync(key, WrongPin);
        }

        return key;
    }

    private Task<LoginResult> LoginAsync(string key, string pin, int? silo = null) => host.Account(key, silo).LoginAsync(pin, null, GrainsTestHost.Origin, CancellationToken.None);
}
