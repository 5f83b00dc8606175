using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sesame.Frontend.Security;
using Sesame.Storage.AzureTable.Tests.Client;
using Sesame.Testing;
using static Sesame.Storage.AzureTable.Tests.SesameOnAzurite;

namespace Sesame.Storage.AzureTable.Tests;

/// <summary>
/// What a copy of the table and the log give away once the help pages' flows have run on Azurite with Information
/// logging: none of the NIRs, identifiers, e-mails, mobiles, IBAN tails, PINs or codes used. The dev outbox is the one
/// documented exception (development only, it writes messages with their codes to the log): its entries are where the
/// test reads the e-mailed code, and are left out of the scan.
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
        var tableName = AzuriteFixture.NewTableName();
        var settings = Settings(azurite.Azurite, tableName);
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

        // Assert: every entity of the table, keys and values (binary ones decoded), and the log outside the dev outbox.
        var stored = await TableTextAsync(tableName);
        var log = LogWithoutDevOutbox(silo.Output);
        used.AddRange([Pin, NewPin, WrongPin]);
        used.AddRange(new[] { withEmail, byLetter, nirMember }.SelectMany(member => member.PersonalValues()).OfType<string>());
        Assert.NotEmpty(stored);
        Assert.Contains("Account ", log, StringComparison.Ordinal);
        Assert.All(used.Distinct(), value =>
        {
            Assert.False(stored.Contains(value, StringComparison.Ordinal), $"The table holds '{value}'.");
            Assert.False(log.Contains(value, StringComparison.Ordinal), $"The log holds '{value}'.");
        });
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

    private async Task<string> TableTextAsync(string tableName)
    {
        var table = TableClientTests.NewClient(azurite.Azurite.ConnectionString, tableName);
        var text = new StringBuilder();
        await foreach (var entity in table.QueryAllAsync(CancellationToken.None))
        {
            text.AppendLine(entity.PartitionKey).AppendLine(entity.RowKey);
            foreach (var value in entity.Properties.Values)
            {
                text.AppendLine(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
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

    [GeneratedRegex("code de sécurité à usage unique : ([0-9]+)")]
    private static partial Regex SecurityCode();

    [GeneratedRegex("^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex LogEntryStart();
}
