using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Sesame.Frontend.Security;
using Sesame.Testing;
using static Sesame.Cluster.Tests.SesameOnAzurite;

namespace Sesame.Cluster.Tests;

/// <summary>
/// What a copy of the storage account (every table: Orleans' membership, grain state, reminders, any other) and the log
/// give away once the help pages' flows have run on Azurite with Information logging: none of the NIRs, identifiers,
/// e-mails, mobiles, IBAN tails, PINs or codes used. The dev outbox is the one documented exception (development only,
/// it writes messages with their codes to the log): its entries are where the test reads the e-mailed code, and are
/// left out of the scan.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PersonalDataOnAzuriteTests(AzuriteFixture azurite)
{
    private const string NirTenant = "nir-x";
    private const string NirPortalKey = "nir-portal-key-of-the-storage-tests";
    private const string NewPin = "739258";
    private const string DevOutboxCategory = "Sesame.Grains.Notifications.DevOutbox[";

    private static readonly Dictionary<string, string> NirPortal = new() { ["authorization"] = $"Bearer {NirPortalKey}" };

    [Fact]
    public async Task HelpPageFlows_OnAzuriteWithInformationLogs_NoPersonalDataInTableKeysValuesOrLog()
    {
        // Arrange: a tenant with issued identifiers, one whose identifiers are NIRs, and three members.
        var settings = Settings(azurite.Azurite);
        settings["Logging:LogLevel:Default"] = "Information";
        settings[$"Sesame:Tenants:{NirTenant}:Identifier"] = "Nir";
        settings[$"Sesame:Tenants:{NirTenant}:IdentifierRecovery:Enabled"] = "false";
        settings["Sesame:Portals:nir:Tenant"] = NirTenant;
        settings["Sesame:Portals:nir:KeyHash"] = ApiKeyHash.Of(NirPortalKey);
        settings["Sesame:BackOffices:office:Tenants:1"] = NirTenant;
        var withEmail = Member(TestIdentifiers.For(Tenant), TestIdentifiers.Nir(), $"m{Guid.NewGuid():N}@courriel.fr", "+33698765432");
        var byLetter = Member(TestIdentifiers.For(Tenant), TestIdentifiers.Nir(), null, null);
        var nir = TestIdentifiers.Nir();
        var nirMember = Member(nir, nir, null, "+33611223344");
        var used = new List<string>();

        await using var silo = await SiloProcess.StartAsync(settings);
        await using var client = NodeGrpcClient.Start(silo.Address);

        // Act: the back office imports them; the help pages' flows run.
        Assert.Equal(0, (await client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant = Tenant, members = new[] { withEmail.Record(Pin), byLetter.Record(null) }, send_security_code_letters = true }, BackOfficeMetadata)).Code);
        Assert.Equal(0, (await client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant = NirTenant, members = new[] { nirMember.Record(Pin) } }, BackOfficeMetadata)).Code);

        // Connexion: a wrong PIN, the right one, a session used then ended.
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await LoginAsync(client, withEmail.Identifier, WrongPin)).Field("status"));
        var login = await LoginAsync(client, withEmail.Identifier, Pin);
        var token = login.Field("session_token");
        Assert.Equal("true", (await client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = Tenant, session_token = token }, PortalMetadata)).Field("valid"));
        Assert.Equal("true", (await client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = Tenant, session_token = token }, PortalMetadata)).Field("ended"));

        // Code PIN oublié, by e-mail: the code comes from the dev outbox's log entry.
        var emailFlow = FlowId();
        Assert.Equal("CODE_CHANNEL_EMAIL", (await client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = Tenant, identifier = withEmail.Identifier, flow_id = emailFlow }, PortalMetadata)).Field("channel"));
        string? emailCode = null;
        await Eventually.TrueAsync(() => (emailCode = SecurityCodeInLog(silo.Output)) is not null);
        used.Add(emailCode!);
        await SetNewPinAsync(client, Tenant, PortalMetadata, withEmail.Identifier, emailFlow, emailCode!);

        // Première connexion, with the security code of the letter sent at import.
        var firstLetterCode = await LetterCodeAsync(client, Tenant, byLetter.Identifier);
        used.Add(firstLetterCode);
        await SetNewPinAsync(client, Tenant, PortalMetadata, byLetter.Identifier, FlowId(), firstLetterCode);

        // Code PIN oublié with no e-mail: a letter; the NIR is the identifier.
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = NirTenant, identifier = nir, secret = WrongPin }, NirPortal)).Field("status"));
        var letterFlow = FlowId();
        Assert.Equal("CODE_CHANNEL_LETTER", (await client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = NirTenant, identifier = nir, flow_id = letterFlow }, NirPortal)).Field("channel"));
        var recoveryLetterCode = await LetterCodeAsync(client, NirTenant, nir);
        used.Add(recoveryLetterCode);
        await SetNewPinAsync(client, NirTenant, NirPortal, nir, letterFlow, recoveryLetterCode);

        // Obtenir son identifiant: by e-mail, and by the IBAN's last six characters.
        Assert.Equal("RECOVER_IDENTIFIER_STATUS_EMAIL_SENT", (await client.CallAsync("sesame.v1.MemberRecovery/RecoverIdentifier", withEmail.Lookup(Tenant), PortalMetadata)).Field("status"));
        var revealed = await client.CallAsync("sesame.v1.MemberRecovery/RevealIdentifier", byLetter.Reveal(Tenant), PortalMetadata);
        Assert.Equal(byLetter.Identifier, revealed.Response!["identifiers"]!.AsArray().Single()!.ToString());
        await Eventually.TrueAsync(() => Regex.Matches(silo.Output, "Dev outbox: ").Count >= 2);

        // Assert: every entity of every table, keys and values (binary ones decoded), and the log outside the dev outbox.
        var stored = await StoredEntitiesAsync();
        var log = LogWithoutDevOutbox(silo.Output);
        used.AddRange([Pin, NewPin, WrongPin]);
        used.AddRange(new[] { withEmail, byLetter, nirMember }.SelectMany(member => member.PersonalValues()).OfType<string>());
        Assert.Contains("OrleansSiloInstances", stored.Tables);
        Assert.Contains("OrleansReminders", stored.Tables);
        Assert.Contains(settings["Sesame:Storage:AzureTable:TableName"], stored.Tables);
        Assert.Contains("Account ", log, StringComparison.Ordinal);
        AssertGrainKeysAreDigests(stored, settings);
        Assert.All(used.Distinct(), value =>
        {
            Assert.False(stored.Text.Contains(value, StringComparison.Ordinal), $"The storage holds '{value}'.");
            Assert.False(log.Contains(value, StringComparison.Ordinal), $"The log holds '{value}'.");
        });
    }

    /// <summary>
    /// Orleans' grain storage keys an entity <c>{ServiceId}_{grain id}</c>, the id's '/' written '_': a member's account,
    /// directory entry and sessions must be found by digests only (HMAC base64url of the identifier, SHA-256 hex).
    /// </summary>
    private static void AssertGrainKeysAreDigests(StoredEntities stored, Dictionary<string, string> settings)
    {
        var serviceId = settings["Sesame:Cluster:ServiceId"];
        var grainKeys = stored.PartitionKeys.Where(key => key.Table == settings["Sesame:Storage:AzureTable:TableName"]).Select(key => key.PartitionKey).ToArray();
        Assert.All(grainKeys, key => Assert.StartsWith($"{serviceId}_", key, StringComparison.Ordinal));
        var memberKeys = grainKeys.Select(key => key[(serviceId.Length + 1)..]).Where(key => MemberGrainKind().IsMatch(key)).ToArray();
        Assert.Equal(3, memberKeys.Where(key => key.StartsWith("member-account_", StringComparison.Ordinal)).Distinct().Count());
        Assert.All(memberKeys, key => Assert.Matches(DigestGrainId(), key));
    }

    private static TestMember Member(string identifier, string nir, string? email, string? mobile) =>
        new(identifier, nir, email, mobile, Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), $"{RandomNumberGenerator.GetInt32(10, 99)} rue des Tanneurs");

    private static string FlowId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static async Task SetNewPinAsync(NodeGrpcClient client, string tenant, Dictionary<string, string> portal, string identifier, string flowId, string code)
    {
        var verified = await client.CallAsync("sesame.v1.MemberRecovery/VerifyCode", new { tenant, identifier, flow_id = flowId, code }, portal);
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));
        var changed = await client.CallAsync("sesame.v1.MemberRecovery/SetNewSecret", new { tenant, identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin }, portal);
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", changed.Field("status"));
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, secret = NewPin }, portal);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
    }

    /// <summary>The security code of the last letter queued for <paramref name="identifier"/>, once it is queued.</summary>
    private static async Task<string> LetterCodeAsync(NodeGrpcClient client, string tenant, string identifier)
    {
        string? code = null;
        await Eventually.TrueAsync(async () =>
        {
            var letters = await client.CallAsync("sesame.v1.MemberAdmin/ListPendingLetters", new { tenant }, BackOfficeMetadata);
            code = letters.Response?["letters"]?.AsArray().LastOrDefault(letter => letter!["identifier"]!.ToString() == identifier)?["security_code"]?.ToString();
            return code is not null;
        });
        return code!;
    }

    private static string? SecurityCodeInLog(string log) => SecurityCode().Match(log) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>
    /// Every entity of every table Azurite holds (Orleans' membership, grain state and reminder tables, and any other),
    /// one property a line: keys, then values, binary ones decoded as UTF-8 (grain state is JSON in binary columns).
    /// </summary>
    private async Task<StoredEntities> StoredEntitiesAsync()
    {
        var service = new TableServiceClient(azurite.Azurite.ConnectionString);
        var tables = new List<string>();
        var partitionKeys = new List<(string Table, string PartitionKey)>();
        var text = new StringBuilder();
        await foreach (var table in service.QueryAsync())
        {
            tables.Add(table.Name);
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                partitionKeys.Add((table.Name, entity.PartitionKey));
                foreach (var (name, value) in entity)
                {
                    text.Append(table.Name).Append(' ').Append(name).Append(": ")
                        .AppendLine(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return new StoredEntities(tables, partitionKeys, text.ToString());
    }

    /// <summary>The console log without the dev outbox's entries: an entry starts with its level, then its category.</summary>
    private static string LogWithoutDevOutbox(string log)
    {
        var kept = new StringBuilder();
        var skipping = false;
        foreach (var line in log.Split('\n'))
        {
            if (LogEntryStart().IsMatch(line))
            {
                skipping = line.Contains(DevOutboxCategory, StringComparison.Ordinal);
            }

            if (!skipping)
            {
                kept.AppendLine(line);
            }
        }

        return kept.ToString();
    }

    private sealed record StoredEntities(IReadOnlyList<string> Tables, IReadOnlyList<(string Table, string PartitionKey)> PartitionKeys, string Text);

    [GeneratedRegex("^(member-account|member-directory|session)_")]
    private static partial Regex MemberGrainKind();

    [GeneratedRegex("^(member-account_[a-z0-9-]+_[A-Za-z0-9_-]{43}|(member-directory|session)_[a-z0-9-]+_[0-9a-f]{64})$")]
    private static partial Regex DigestGrainId();

    [GeneratedRegex("code de sécurité à usage unique : ([0-9]+)")]
    private static partial Regex SecurityCode();

    [GeneratedRegex("^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex LogEntryStart();
}
