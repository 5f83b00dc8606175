using Azure;
using Azure.Data.Tables;
using Sesame.Testing;
using static Sesame.Cluster.Tests.SesameOnAzurite;

namespace Sesame.Cluster.Tests;

/// <summary>
/// The built Silo as separate processes of one Orleans cluster on Azure Table storage (a real Azurite), driven by the
/// Node gRPC client: two silos serving one account, a silo killed under load and restarted, the account changed in
/// storage behind its activation, the store going away and coming back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloOnAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Login_TwoSilosHammeredWithWrongPins_CountExactAndBothRefuseOnceLocked()
    {
        await using var silos = await TwoSilos.StartAsync(azurite.Azurite);
        var (clientA, clientB, identifier) = (silos.ClientA, silos.ClientB, silos.Identifier);

        var replies = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => LoginAsync(i % 2 == 0 ? clientA : clientB, identifier, WrongPin)));
        var rightPinOnA = await LoginAsync(clientA, identifier, Pin);
        var rightPinOnB = await LoginAsync(clientB, identifier, Pin);
        var events = await AuditEventsAsync(clientB, identifier);

        // The account has one activation in the cluster, whichever silo a call comes in by: every call is decided.
        Assert.All(replies, reply => Assert.Equal(0, reply.Code));
        var invalid = replies.Where(reply => reply.Field("status") == "LOGIN_STATUS_INVALID_CREDENTIALS").ToArray();
        var locked = replies.Count(reply => reply.Field("status") == "LOGIN_STATUS_LOCKED_OUT");
        Assert.Equal(Enumerable.Range(1, MaxFailedAttempts - 1), invalid.Select(reply => int.Parse(reply.Field("remaining_attempts")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(replies.Length - invalid.Length, locked);
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", rightPinOnA.Field("status"));
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", rightPinOnB.Field("status"));
        Assert.Equal(MaxFailedAttempts - 1, events.Count("AUDIT_EVENT_LOGIN_FAILED"));
        Assert.Equal(1, events.Count("AUDIT_EVENT_LOCKED_OUT"));
        Assert.Equal(locked - 1 + 2, events.Count("AUDIT_EVENT_LOGIN_REFUSED_WHILE_LOCKED"));
    }

    [Fact]
    public async Task UnlockMember_OnOneSilo_IsHonouredByTheOther()
    {
        await using var silos = await TwoSilos.StartAsync(azurite.Azurite);
        var (clientA, clientB, identifier) = (silos.ClientA, silos.ClientB, silos.Identifier);
        for (var i = 0; i < MaxFailedAttempts; i++)
        {
            await LoginAsync(clientB, identifier, WrongPin);
        }

        var lockedOnA = await LoginAsync(clientA, identifier, Pin);
        var unlock = await clientA.CallAsync("sesame.v1.MemberAdmin/UnlockMember", new { tenant = Tenant, identifier }, BackOfficeMetadata);
        var afterUnlockOnB = await LoginAsync(clientB, identifier, Pin);

        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", lockedOnA.Field("status"));
        Assert.Equal(0, unlock.Code);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", afterUnlockOnB.Field("status"));
    }

    [Fact]
    public async Task UnlockMember_AccountRewrittenInStorageBehindItsActivation_AbortsChangingNothingThenSucceeds()
    {
        var settings = Settings(azurite.Azurite);
        await using var silo = await SiloProcess.StartAsync(settings);
        await using var client = NodeGrpcClient.Start(silo.Address);
        var identifier = TestIdentifiers.For(Tenant);
        await CreateMemberAsync(client, identifier);
        await LoginAsync(client, identifier, WrongPin);
        await RewriteAccountsAsync(settings);

        var stale = await client.CallAsync("sesame.v1.MemberAdmin/UnlockMember", new { tenant = Tenant, identifier }, BackOfficeMetadata);
        var eventsAfterAbort = await AuditEventsAsync(client, identifier);
        var retried = await client.CallAsync("sesame.v1.MemberAdmin/UnlockMember", new { tenant = Tenant, identifier }, BackOfficeMetadata);

        Assert.Equal(10, stale.Code);
        Assert.Contains("changed in storage", stale.Details, StringComparison.Ordinal);
        Assert.Equal(["AUDIT_EVENT_ACCOUNT_CREATED", "AUDIT_EVENT_LOGIN_FAILED"], eventsAfterAbort);
        Assert.Equal(0, retried.Code);
    }

    [Fact]
    public async Task SetNewSecret_OnOneSilo_IsHonouredByTheOther()
    {
        const string NewPin = "739258";
        await using var silos = await TwoSilos.StartAsync(azurite.Azurite, sweepInterval: "00:00:01");
        var (clientA, clientB, identifier) = (silos.ClientA, silos.ClientB, silos.Identifier);
        var flowId = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var before = await LoginAsync(clientB, identifier, Pin);
        await clientA.CallAsync("sesame.v1.MemberAdmin/UpdateContacts", new { tenant = Tenant, identifier, postal_address = new { lines = new[] { "Jean TEST", "1 rue de la Paix", "75002 PARIS" } } }, BackOfficeMetadata);
        await clientA.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = Tenant, identifier, flow_id = flowId, channel = "CODE_CHANNEL_LETTER" }, PortalMetadata);
        string? code = null;
        await Eventually.TrueAsync(async () => (code = await SecurityCodeAsync(clientA, identifier)) is not null);
        var verified = await clientA.CallAsync("sesame.v1.MemberRecovery/VerifyCode", new { tenant = Tenant, identifier, flow_id = flowId, code }, PortalMetadata);
        var changed = await clientA.CallAsync("sesame.v1.MemberRecovery/SetNewSecret", new { tenant = Tenant, identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin }, PortalMetadata);

        var oldPinOnB = await LoginAsync(clientB, identifier, Pin);
        var newPinOnB = await LoginAsync(clientB, identifier, NewPin);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", before.Field("status"));
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", changed.Field("status"));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", oldPinOnB.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", newPinOnB.Field("status"));
    }

    [Fact]
    public async Task ValidateSession_SessionStartedOnOneSilo_IsValidOnTheOtherUntilLogout()
    {
        await using var silos = await TwoSilos.StartAsync(azurite.Azurite);
        var (clientA, clientB, identifier) = (silos.ClientA, silos.ClientB, silos.Identifier);
        var login = await LoginAsync(clientA, identifier, Pin);
        var token = login.Field("session_token");

        var onB = await clientB.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = Tenant, session_token = token }, PortalMetadata);
        var logout = await clientA.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = Tenant, session_token = token }, PortalMetadata);
        var onBAfterLogout = await clientB.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = Tenant, session_token = token }, PortalMetadata);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
        Assert.Equal(("true", identifier), (onB.Field("valid"), onB.Field("identifier")));
        Assert.Equal("true", logout.Field("ended"));
        Assert.Equal("false", onBAfterLogout.Field("valid"));
    }

    [Fact]
    public async Task Login_SiloKilledUnderLoad_RestartedSiloKeepsTheLockoutAndDeliversTheQueuedLetter()
    {
        var settings = Settings(azurite.Azurite);
        settings["Sesame:Notifications:SweepInterval"] = "00:00:01";
        // The restarted silo takes the killed one's endpoint, so Orleans sees a new generation of it and declares the
        // old one dead at once, rather than waiting for another silo's votes.
        foreach (var (setting, port) in FreePorts.SiloSettings())
        {
            settings[setting] = port!;
        }

        var identifier = TestIdentifiers.For(Tenant);
        var answered = new List<GrpcCallResult>();
        await using (var silo = await SiloProcess.StartAsync(settings))
        await using (var client = NodeGrpcClient.Start(silo.Address))
        {
            await CreateMemberAsync(client, identifier);
            await client.CallAsync("sesame.v1.MemberAdmin/UpdateContacts", new { tenant = Tenant, identifier, postal_address = new { lines = new[] { "Jean TEST", "1 rue de la Paix", "75002 PARIS" } } }, BackOfficeMetadata);
            Assert.Equal(0, (await client.CallAsync("sesame.v1.MemberAdmin/IssueSecurityCode", new { tenant = Tenant, identifier }, BackOfficeMetadata)).Code);
            var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => HammerAsync(client, identifier, answered)));
            await Eventually.TrueAsync(() =>
            {
                lock (answered)
                {
                    return answered.Any(reply => reply.Field("status") == "LOGIN_STATUS_LOCKED_OUT");
                }
            });

            await silo.KillAsync();
            await load;
        }

        await using var restarted = await SiloProcess.StartAsync(settings);
        await using var newClient = NodeGrpcClient.Start(restarted.Address);
        var rightPin = await LoginAsync(newClient, identifier, Pin);
        var events = await AuditEventsAsync(newClient, identifier);

        // The letter was queued in the account's outbox with the reply; the restarted silo's dispatcher delivers it.
        await Eventually.TrueAsync(async () => await SecurityCodeAsync(newClient, identifier) is not null);

        // The pending code survived the kill too: the restarted silo accepts it.
        var code = await SecurityCodeAsync(newClient, identifier);
        var verified = await newClient.CallAsync("sesame.v1.MemberRecovery/VerifyCode", new { tenant = Tenant, identifier, flow_id = Grains.Interfaces.RandomToken.New(), code }, PortalMetadata);
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", rightPin.Field("status"));
        Assert.Equal(MaxFailedAttempts - 1, events.Count("AUDIT_EVENT_LOGIN_FAILED"));
        Assert.Equal(1, events.Count("AUDIT_EVENT_LOCKED_OUT"));
        Assert.True(events.Count("AUDIT_EVENT_LOGIN_REFUSED_WHILE_LOCKED") >= answered.Count(reply => reply.Field("status") == "LOGIN_STATUS_LOCKED_OUT") - 1);
    }

    [Fact]
    public async Task Login_AzuriteStopped_UnavailableChangesNothingAndResumesWhenItReturns_HealthFollows()
    {
        await using var own = await Azurite.StartAsync();
        await using var silo = await SiloProcess.StartAsync(Settings(own));
        await using var client = NodeGrpcClient.Start(silo.Address);
        var identifier = TestIdentifiers.For(Tenant);
        var newcomer = TestIdentifiers.For(Tenant);
        await CreateMemberAsync(client, identifier);
        var before = await LoginAsync(client, identifier, WrongPin);
        var healthBefore = await client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        await own.StopAsync();

        var loginDuringOutage = await LoginAsync(client, identifier, WrongPin);
        var createDuringOutage = await CreateMemberAsync(client, newcomer);
        await Eventually.TrueAsync(async () => (await client.CallAsync("grpc.health.v1.Health/Check", new { service = "sesame.v1.MemberAuth" })).Field("status") == "NOT_SERVING");
        await own.RestartAsync();
        await Eventually.TrueAsync(async () => (await client.CallAsync("grpc.health.v1.Health/Check", new { service = "" })).Field("status") == "SERVING");
        var after = await LoginAsync(client, identifier, WrongPin);
        var createAfter = await CreateMemberAsync(client, newcomer);
        var events = await AuditEventsAsync(client, identifier);

        Assert.Equal("4", before.Field("remaining_attempts"));
        Assert.Equal("SERVING", healthBefore.Field("status"));
        Assert.Equal((14, 14), (loginDuringOutage.Code, createDuringOutage.Code));
        Assert.All([loginDuringOutage, createDuringOutage], reply => Assert.Contains("storage is unavailable", reply.Details, StringComparison.Ordinal));
        Assert.Equal("3", after.Field("remaining_attempts"));
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", createAfter.Field("status"));
        Assert.Equal(["AUDIT_EVENT_ACCOUNT_CREATED", "AUDIT_EVENT_LOGIN_FAILED", "AUDIT_EVENT_LOGIN_FAILED"], events);
        Assert.DoesNotContain(identifier, silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPin, silo.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rewrites every member account's <c>account</c> state (the row a sign-in writes; its <c>profile</c> is another row)
    /// stored for the cluster of <paramref name="settings"/> as it is, as another writer
    /// would: its ETag changes, so the activation holding it can no longer store its next decision.
    /// </summary>
    private async Task RewriteAccountsAsync(Dictionary<string, string> settings)
    {
        var table = new TableClient(azurite.Azurite.ConnectionString, settings["Sesame:Storage:AzureTable:TableName"]);
        var accounts = $"{settings["Sesame:Cluster:ServiceId"]}_member-account_";
        var rewritten = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            if (entity.PartitionKey.StartsWith(accounts, StringComparison.Ordinal) && entity.RowKey == "account")
            {
                await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);
                rewritten++;
            }
        }

        Assert.Equal(1, rewritten);
    }

    /// <summary>Two silos of one cluster, each with its Node client, and a member created through the first.</summary>
    private sealed class TwoSilos : IAsyncDisposable
    {
        private readonly SiloProcess siloA;
        private readonly SiloProcess siloB;

        private TwoSilos(SiloProcess siloA, SiloProcess siloB)
        {
            this.siloA = siloA;
            this.siloB = siloB;
            ClientA = NodeGrpcClient.Start(siloA.Address);
            ClientB = NodeGrpcClient.Start(siloB.Address);
        }

        public NodeGrpcClient ClientA { get; }

        public NodeGrpcClient ClientB { get; }

        public string Identifier { get; } = TestIdentifiers.For(Tenant);

        public static async Task<TwoSilos> StartAsync(Azurite azurite, string? sweepInterval = null)
        {
            var settings = Settings(azurite);
            if (sweepInterval is not null)
            {
                settings["Sesame:Notifications:SweepInterval"] = sweepInterval;
            }

            var silos = new TwoSilos(await SiloProcess.StartAsync(settings), await SiloProcess.StartAsync(settings));
            Assert.Equal("CREATE_MEMBER_STATUS_CREATED", (await CreateMemberAsync(silos.ClientA, silos.Identifier)).Field("status"));
            return silos;
        }

        public async ValueTask DisposeAsync()
        {
            await ClientA.DisposeAsync();
            await ClientB.DisposeAsync();
            await siloA.DisposeAsync();
            await siloB.DisposeAsync();
        }
    }

    /// <summary>The security code of the letter waiting to be printed for <paramref name="identifier"/>, if there is one yet.</summary>
    private static async Task<string?> SecurityCodeAsync(NodeGrpcClient client, string identifier)
    {
        var letters = await client.CallAsync("sesame.v1.MemberAdmin/ListPendingLetters", new { tenant = Tenant }, BackOfficeMetadata);
        return letters.Response?["letters"]?.AsArray().FirstOrDefault(letter => letter!["identifier"]!.ToString() == identifier)?["security_code"]?.ToString();
    }

    /// <summary>Wrong PINs one after another until the server stops answering, 100 at most.</summary>
    private static async Task HammerAsync(NodeGrpcClient client, string identifier, List<GrpcCallResult> answered)
    {
        for (var i = 0; i < 100; i++)
        {
            var reply = await LoginAsync(client, identifier, WrongPin);
            if (reply.Code != 0)
            {
                return;
            }

            lock (answered)
            {
                answered.Add(reply);
            }
        }
    }
}
