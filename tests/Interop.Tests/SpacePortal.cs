using System.Text.RegularExpressions;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The Mon espace santé portal (tenant mes) as a test drives it through grpc-js: its back office, its pages.</summary>
public sealed partial class SpacePortal(SesameServer server)
{
    public const string Tenant = "mes";
    public const string Password = "Sante-Bleue-2026!";
    public const string TermsVersion = "cgu-2022-01";
    public const string PrivacyPolicyVersion = "ppdp-2022-01";

    public static Dictionary<string, string> Metadata => SesameServer.Portal(Tenant);

    /// <summary>A fresh chosen identifier, as a member would type it ("prénom.nom, ou pseudo").</summary>
    public static string NewIdentifier() => $"c.{Guid.NewGuid():N}"[..20];

    /// <summary>Imports a fresh member through the back office (ImportMembers), with the given changes.</summary>
    public async Task<MemberRecordFields> ImportAsync(Func<MemberRecordFields, MemberRecordFields>? change = null)
    {
        var record = change is null ? MemberRecordFields.ForSpace() : change(MemberRecordFields.ForSpace());
        await server.ImportMemberAsync(Tenant, record);
        return record;
    }

    public Task<GrpcCallResult> IssueProvisionalCodeAsync(MemberRecordFields member) =>
        server.Client.CallAsync("sesame.v1.MemberAdmin/IssueProvisionalCode", new { tenant = Tenant, member.identifier }, SesameServer.BackOffice);

    /// <summary>Issues a provisional code to a member with an e-mail and reads it from the e-mail, as the member would.</summary>
    public async Task<string> SendProvisionalCodeAsync(MemberRecordFields member)
    {
        var before = ProvisionalCodesSent(member.email);
        var issue = await IssueProvisionalCodeAsync(member);
        Assert.Equal(0, issue.Code);
        return await ProvisionalCodeAsync(member.email, before);
    }

    public int ProvisionalCodesSent(string destination) => ProvisionalCodes(destination).Count();

    /// <summary>Waits for the provisional code sent to <paramref name="destination"/> after <paramref name="sentBefore"/> of them.</summary>
    public async Task<string> ProvisionalCodeAsync(string destination, int sentBefore)
    {
        await Eventually.TrueAsync(() => ProvisionalCodesSent(destination) > sentBefore);
        return ProvisionalCodeIn(ProvisionalCodes(destination).ElementAt(sentBefore).Body);
    }

    public static string ProvisionalCodeIn(string text) => ProvisionalCodePattern().Match(text).Groups[1].Value;

    public Task<GrpcCallResult> CallAsync(string method, object request) => server.Client.CallAsync($"sesame.v1.MemberActivation/{method}", request, Metadata);

    public Task<GrpcCallResult> IdentifyAsync(string code, string nir) => CallAsync("Identify", new { tenant = Tenant, provisional_code = code, nir });

    public Task<GrpcCallResult> CheckCardAsync(string activationId, MemberRecordFields member, string? serial = null, string? kind = null) =>
        CallAsync("CheckVitaleCard", new { tenant = Tenant, activation_id = activationId, card_kind = kind ?? member.vitale_card_kind, serial_number = serial ?? member.vitale_card_serial });

    public Task<GrpcCallResult> ActivateDecisionAsync(string activationId) =>
        CallAsync("Decide", new { tenant = Tenant, activation_id = activationId, decision = "ACTIVATION_DECISION_ACTIVATE", terms_version = TermsVersion, privacy_policy_version = PrivacyPolicyVersion });

    public Task<GrpcCallResult> OpposeAsync(string activationId) =>
        CallAsync("Decide", new { tenant = Tenant, activation_id = activationId, decision = "ACTIVATION_DECISION_OPPOSE" });

    public Task<GrpcCallResult> ConfirmContactsAsync(string activationId) => CallAsync("ConfirmContacts", new { tenant = Tenant, activation_id = activationId });

    public Task<GrpcCallResult> ChooseCredentialsAsync(string activationId, string identifier, string password = Password, string? confirmation = null) =>
        CallAsync("ChooseCredentials", new { tenant = Tenant, activation_id = activationId, identifier, password, confirmation = confirmation ?? password });

    /// <summary>"Je m'identifie" and "Ma carte Vitale" with the member's own code, NIR and card; returns the activation id.</summary>
    public async Task<string> IdentifyWithCardAsync(MemberRecordFields member, string code)
    {
        var identified = await IdentifyAsync(code, member.nir);
        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", identified.Field("status"));
        var activationId = identified.Field("activation_id")!;
        Assert.Equal(0, (await CheckCardAsync(activationId, member)).Code);
        return activationId;
    }

    /// <summary>The whole activation, as the help page walks it; returns the chosen identifier.</summary>
    public async Task<string> ActivateAsync(MemberRecordFields member, string? identifier = null, string? code = null)
    {
        identifier ??= NewIdentifier();
        var activationId = await IdentifyWithCardAsync(member, code ?? await SendProvisionalCodeAsync(member));
        Assert.Equal("DECIDE_STATUS_ACTIVATING", (await ActivateDecisionAsync(activationId)).Field("status"));
        Assert.Equal(0, (await ConfirmContactsAsync(activationId)).Code);
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", (await ChooseCredentialsAsync(activationId, identifier)).Field("status"));
        return identifier;
    }

    public Task<GrpcCallResult> LoginAsync(string identifier, string password = Password, string channel = "CODE_CHANNEL_EMAIL") =>
        server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = Tenant, identifier, secret = password, access_code_channel = channel }, Metadata);

    public Task<GrpcCallResult> VerifyAccessCodeAsync(string identifier, string flowId, string code) =>
        server.Client.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = Tenant, identifier, access_code_flow_id = flowId, code }, Metadata);

    /// <summary>Waits for the newest access code sent to <paramref name="destination"/> after <paramref name="sentBefore"/> messages.</summary>
    public async Task<string> AccessCodeAsync(string destination, int sentBefore)
    {
        await Eventually.TrueAsync(() => AccessCodes(destination).Count() > sentBefore);
        return SesameServer.CodeIn(AccessCodes(destination).ElementAt(sentBefore));
    }

    public int AccessCodesSent(string destination) => AccessCodes(destination).Count();

    /// <summary>The password step of a sign-in, and the access code it sent to <paramref name="destination"/>.</summary>
    public async Task<(GrpcCallResult Login, string Code)> PasswordStepAsync(string identifier, string destination, string password = Password, string channel = "CODE_CHANNEL_EMAIL")
    {
        var before = AccessCodesSent(destination);
        var login = await LoginAsync(identifier, password, channel);
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", login.Field("status"));
        return (login, await AccessCodeAsync(destination, before));
    }

    /// <summary>Signs in with the password and the access code sent by e-mail; returns the reply that carries the session.</summary>
    public async Task<GrpcCallResult> SignInAsync(MemberRecordFields member, string identifier, string password = Password)
    {
        var (login, code) = await PasswordStepAsync(identifier, member.email, password);
        return await VerifyAccessCodeAsync(identifier, login.Field("access_code_flow_id")!, code);
    }

    private IEnumerable<Grains.Notifications.RenderedMessage> ProvisionalCodes(string destination) =>
        server.Outbox.Sent.Where(message => message.Destination == destination && message.Body.Contains("Code provisoire", StringComparison.Ordinal));

    private IEnumerable<Grains.Notifications.RenderedMessage> AccessCodes(string destination) =>
        server.Outbox.Sent.Where(message => message.Destination == destination && message.Body.Contains("code d'accès", StringComparison.Ordinal));

    [GeneratedRegex("Code provisoire : ([A-Z0-9]+)")]
    private static partial Regex ProvisionalCodePattern();
}
