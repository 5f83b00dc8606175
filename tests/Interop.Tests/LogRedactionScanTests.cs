using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// Redaction by construction, checked on the whole log: Sésame with e-mail going to a real smtp4dev (so the dev outbox,
/// which shows a developer the messages, is off), every category captured at Debug, the help pages' flows played
/// through grpc-js; then not one NIR, identifier, e-mail, mobile, IBAN tail, birth date, Vitale card, PIN, password or
/// code used may be found in it.
/// </summary>
public sealed partial class LogRedactionScanTests : IAsyncLifetime
{
    private const string Pin = "613470";
    private const string NewPin = "705318";
    private const string WrongPin = "000111";

    private readonly CapturedLog log = new();
    private readonly List<string> personalData = [Pin, NewPin, WrongPin, SpacePortal.Password];
    private Smtp4dev? smtp;
    private SesameServer? server;

    private SesameServer Server => server!;

    private SpacePortal Space => new(Server);

    public async Task InitializeAsync()
    {
        smtp = await Smtp4dev.StartAsync();
        server = await SesameServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Sesame:Notifications:Smtp:Host"] = "127.0.0.1",
                ["Sesame:Notifications:Smtp:Port"] = smtp.SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Sesame:Notifications:Smtp:Security"] = "None",
            },
            services: services =>
            {
                services.AddSingleton<ILoggerProvider>(log);
                services.Configure<LoggerFilterOptions>(filters => filters.AddFilter<CapturedLog>(category: null, LogLevel.Debug));
            });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }

        log.Dispose();
    }

    [Fact]
    public async Task HelpPageFlows_WholeLogAtDebug_NoPersonalDataAndDestinationsAsKeyedHashes()
    {
        var withEmail = await ImportAsync("assu2000", MemberRecordFields.For("assu2000", Pin) with { email = $"s{Guid.NewGuid():N}@courriel.fr", mobile = Mobile() });
        var lockedOut = await ImportAsync("acs", MemberRecordFields.For("acs", Pin));
        var withoutEmail = await ImportAsync("assu2000", MemberRecordFields.For("assu2000", Pin));

        await SignInsAndLockoutAsync(withEmail, lockedOut);
        await PinRecoveryByEmailAsync(withEmail);
        await IdentifierRecoveryAsync(withEmail, withoutEmail);
        await ActivationContactChangeAndSignOutAsync();

        var text = log.Text;
        Assert.True(log.Count > 100, $"Only {log.Count} log entries were captured.");
        Assert.All(personalData.Distinct(), value => Assert.Null(EntryWith(text, value)));
        var hashed = Server.Services.GetRequiredService<IRedactorProvider>().GetRedactor(SesameDataClassifications.Correlatable).Redact(withEmail.email);
        Assert.Matches("^0:[A-Za-z0-9+/]{22}==$", hashed);
        Assert.Contains($"to {hashed} accepted by the SMTP server", text, StringComparison.Ordinal);
    }

    private async Task SignInsAndLockoutAsync(MemberRecordFields member, MemberRecordFields other)
    {
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("assu2000", member.identifier, Pin)).Field("status"));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await Server.SignInAsync("assu2000", member.identifier, WrongPin)).Field("status"));
        for (var i = 0; i < 2; i++)
        {
            await Server.SignInAsync("acs", other.identifier, WrongPin);
        }

        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", (await Server.SignInAsync("acs", other.identifier, WrongPin)).Field("status"));
    }

    private async Task PinRecoveryByEmailAsync(MemberRecordFields member)
    {
        var flow = RandomToken.New();
        Assert.Equal("CODE_CHANNEL_EMAIL", (await Recovery("StartRecovery", new { tenant = "assu2000", member.identifier, flow_id = flow })).Field("channel"));
        var code = await NewCodeSentToAsync(member.email, CodePattern());
        var wrongCode = code == "000000" ? "111111" : "000000";
        personalData.Add(wrongCode);
        Assert.Equal("VERIFY_CODE_STATUS_REFUSED", (await Recovery("VerifyCode", new { tenant = "assu2000", member.identifier, flow_id = flow, code = wrongCode })).Field("status"));
        var verified = await Recovery("VerifyCode", new { tenant = "assu2000", member.identifier, flow_id = flow, code });
        Assert.Equal("VERIFY_CODE_STATUS_VERIFIED", verified.Field("status"));
        var set = await Recovery("SetNewSecret", new { tenant = "assu2000", member.identifier, reset_token = verified.Field("reset_token"), secret = NewPin, confirmation = NewPin });
        Assert.Equal("SET_NEW_SECRET_STATUS_CHANGED", set.Field("status"));
        var session = await Server.SignInAsync("assu2000", member.identifier, NewPin);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", session.Field("status"));
        Assert.Equal(0, (await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = "assu2000", session_token = session.Field("session_token") }, SesameServer.Portal("assu2000"))).Code);
    }

    private async Task IdentifierRecoveryAsync(MemberRecordFields withEmail, MemberRecordFields withoutEmail)
    {
        var byEmail = await Recovery("RecoverIdentifier", new { tenant = "assu2000", withEmail.nir, withEmail.birth_date, withEmail.postal_code }, newAddress: true);
        Assert.Equal("RECOVER_IDENTIFIER_STATUS_EMAIL_SENT", byEmail.Field("status"));
        await Eventually.TrueAsync(async () => (await smtp!.MessagesToAsync(withEmail.email)).Any(message => message.TextBody?.Contains(withEmail.identifier, StringComparison.Ordinal) == true));

        var request = new { tenant = "assu2000", withoutEmail.nir, withoutEmail.birth_date, withoutEmail.postal_code };
        Assert.Equal("RECOVER_IDENTIFIER_STATUS_IBAN_REQUIRED", (await Recovery("RecoverIdentifier", request, newAddress: true)).Field("status"));
        var wrongTail = withoutEmail.iban_tail == "999999" ? "999998" : "999999";
        personalData.Add(wrongTail);
        Assert.Equal("REVEAL_IDENTIFIER_STATUS_NOT_MATCHED", (await Recovery("RevealIdentifier", new { request.tenant, request.nir, request.birth_date, request.postal_code, iban_tail = wrongTail }, newAddress: true)).Field("status"));
        var revealed = await Recovery("RevealIdentifier", new { request.tenant, request.nir, request.birth_date, request.postal_code, withoutEmail.iban_tail }, newAddress: true);
        Assert.Equal("REVEAL_IDENTIFIER_STATUS_REVEALED", revealed.Field("status"));
    }

    private async Task ActivationContactChangeAndSignOutAsync()
    {
        var member = await ImportAsync(SpacePortal.Tenant, MemberRecordFields.ForSpace());
        Assert.Equal(0, (await Space.IssueProvisionalCodeAsync(member)).Code);
        var provisional = await NewCodeSentToAsync(member.email, ProvisionalCodePattern());
        var activationId = await Space.IdentifyWithCardAsync(member, provisional);
        Assert.Equal("DECIDE_STATUS_ACTIVATING", (await Space.ActivateDecisionAsync(activationId)).Field("status"));

        var newEmail = $"n{Guid.NewGuid():N}@courriel.fr";
        personalData.Add(newEmail);
        Assert.Equal("CHANGE_CONTACT_STATUS_CODE_SENT", (await Space.CallAsync("ChangeContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, email = newEmail })).Field("status"));
        var contactCode = await NewCodeSentToAsync(newEmail, CodePattern());
        Assert.Equal("VERIFY_CONTACT_STATUS_VERIFIED", (await Space.CallAsync("VerifyContact", new { tenant = SpacePortal.Tenant, activation_id = activationId, code = contactCode })).Field("status"));
        Assert.Equal(0, (await Space.ConfirmContactsAsync(activationId)).Code);
        var identifier = SpacePortal.NewIdentifier();
        personalData.Add(identifier);
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", (await Space.ChooseCredentialsAsync(activationId, identifier)).Field("status"));

        var login = await Space.LoginAsync(identifier);
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", login.Field("status"));
        var accessCode = await NewCodeSentToAsync(newEmail, CodePattern());
        var session = await Space.VerifyAccessCodeAsync(identifier, login.Field("access_code_flow_id")!, accessCode);
        Assert.Equal(0, session.Code);
        var logout = await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = SpacePortal.Tenant, session_token = session.Field("session_token") }, SpacePortal.Metadata);
        Assert.Equal(0, logout.Code);
    }

    private async Task<MemberRecordFields> ImportAsync(string tenant, MemberRecordFields record)
    {
        await Server.ImportMemberAsync(tenant, record);
        personalData.AddRange([record.identifier, record.nir, record.birth_date, record.email, record.mobile, record.iban_tail, record.vitale_card_serial]);
        if (record.mobile.Length > 0)
        {
            personalData.Add(record.InternationalMobile);
        }

        personalData.RemoveAll(value => value.Length == 0);
        return record;
    }

    /// <summary>Waits for an e-mail to <paramref name="address"/> with a code not seen yet, and returns it; the scan then looks for it.</summary>
    private async Task<string> NewCodeSentToAsync(string address, Regex pattern)
    {
        string? code = null;
        await Eventually.TrueAsync(async () =>
        {
            code = (await smtp!.MessagesToAsync(address)).Select(message => pattern.Match(message.TextBody ?? string.Empty).Groups[1].Value).FirstOrDefault(found => found.Length > 0 && !personalData.Contains(found));
            return code is not null;
        });
        personalData.Add(code!);
        return code!;
    }

    private Task<GrpcCallResult> Recovery(string method, object request, bool newAddress = false)
    {
        var tenant = (string)request.GetType().GetProperty("tenant")!.GetValue(request)!;
        return Server.Client.CallAsync($"sesame.v1.MemberRecovery/{method}", request, newAddress ? SesameServer.PortalFromNewAddress(tenant) : SesameServer.Portal(tenant));
    }

    private static string Mobile() => $"06{Random.Shared.Next(10_000_000, 99_999_999)}";

    /// <summary>The log line holding <paramref name="value"/> as a whole token (not inside a longer run of letters and digits: a hash), or null.</summary>
    private static string? EntryWith(string text, string value) =>
        Regex.Match(text, $"^.*(?<![A-Za-z0-9]){Regex.Escape(value)}(?![A-Za-z0-9]).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline) is { Success: true } found ? found.Value : null;

    [GeneratedRegex("usage unique : ([A-Z0-9]+)")]
    private static partial Regex CodePattern();

    [GeneratedRegex("Code provisoire : ([A-Z0-9]+)")]
    private static partial Regex ProvisionalCodePattern();
}
