using Sesame.Testing;

namespace Sesame.Silo.Tests;

/// <summary>
/// The README's run command, as a newcomer meets it: the built Silo started as its own process with no configuration
/// but a free port, then used by the Node gRPC client. (The lockout minute itself runs on a manual clock in
/// Interop.Tests; this process has the real one.)
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Silo_NoConfiguration_ServesDemoMembersToTheNodeClient()
    {
        await using var silo = await SiloProcess.StartAsync();
        await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal));
        await using var client = NodeGrpcClient.Start(silo.Address);

        var health = await client.CallAsync("grpc.health.v1.Health/Check", new { service = "" });
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "AS100001", secret = "482913" }, Portal("assu2000"));
        var failures = new List<GrpcCallResult>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add(await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "acs", identifier = "AC200001", secret = "111999" }, Portal("acs")));
        }

        Assert.Equal("SERVING", health.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
        Assert.Equal(["LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_INVALID_CREDENTIALS", "LOGIN_STATUS_LOCKED_OUT"], failures.Select(failure => failure.Field("status")));
        Assert.Contains("AS100001", silo.Output, StringComparison.Ordinal);
        Assert.Contains("node interop/call.mjs", silo.Output, StringComparison.Ordinal);
        Assert.Contains("demo-assu2000-portal-key", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("111999", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_NoConfiguration_MesDemoMemberActivatesWithTheCodeInTheLogAndSignsInWithAnAccessCode()
    {
        // The walk the banner describes: the provisional code from the dev outbox's log, the NIR and card it prints.
        await using var silo = await SiloProcess.StartAsync();
        await Eventually.TrueAsync(() => silo.Output.Contains("node interop/call.mjs", StringComparison.Ordinal) && silo.Output.Contains("Code provisoire : ", StringComparison.Ordinal));
        await using var client = NodeGrpcClient.Start(silo.Address);
        var code = System.Text.RegularExpressions.Regex.Match(silo.Output, "Code provisoire : ([A-Z0-9]+)").Groups[1].Value;
        Task<GrpcCallResult> Activation(string method, object request) => client.CallAsync($"sesame.v1.MemberActivation/{method}", request, Portal("mes"));

        var identified = await Activation("Identify", new { tenant = "mes", provisional_code = code, nir = "1 68 04 75 123 456 17" });
        var activationId = identified.Field("activation_id");
        var card = await Activation("CheckVitaleCard", new { tenant = "mes", activation_id = activationId, card_kind = "VITALE_CARD_KIND_WITH_PHOTO", serial_number = "8025000002" });
        var decided = await Activation("Decide", new { tenant = "mes", activation_id = activationId, decision = "ACTIVATION_DECISION_ACTIVATE", terms_version = "cgu-2022-01", privacy_policy_version = "ppdp-2022-01" });
        var confirmed = await Activation("ConfirmContacts", new { tenant = "mes", activation_id = activationId });
        var chosen = await Activation("ChooseCredentials", new { tenant = "mes", activation_id = activationId, identifier = "christian.durand", password = "Sante-Bleue-2026!", confirmation = "Sante-Bleue-2026!" });
        var login = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "mes", identifier = "christian.durand", secret = "Sante-Bleue-2026!" }, Portal("mes"));
        await Eventually.TrueAsync(() => silo.Output.Contains("code d'accès à usage unique : ", StringComparison.Ordinal));
        var accessCode = System.Text.RegularExpressions.Regex.Match(silo.Output, "code d'accès à usage unique : ([0-9]+)").Groups[1].Value;
        var signedIn = await client.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = "mes", identifier = "christian.durand", access_code_flow_id = login.Field("access_code_flow_id"), code = accessCode }, Portal("mes"));

        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", identified.Field("status"));
        Assert.Equal((0, 0), (card.Code, confirmed.Code));
        Assert.Equal("DECIDE_STATUS_ACTIVATING", decided.Field("status"));
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", chosen.Field("status"));
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", login.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", signedIn.Field("status"));
        Assert.Contains("MES-0000001", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sante-Bleue-2026!", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("168047512345617", silo.Output.Replace("NIR 168047512345617", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Portal(string tenant) => new() { ["authorization"] = $"Bearer {Demo.DemoCredentials.PortalKey(tenant)}" };
}
