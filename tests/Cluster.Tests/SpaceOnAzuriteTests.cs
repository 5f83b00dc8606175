using System.Text.RegularExpressions;
using Sesame.Frontend.Security;
using Sesame.Testing;

namespace Sesame.Cluster.Tests;

/// <summary>
/// A member's space activated and signed in to across two Silo processes of one Orleans cluster on Azurite: every step,
/// and the access code, may come in by either silo.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SpaceOnAzuriteTests(AzuriteFixture azurite)
{
    private const string Tenant = "espace";
    private const string PortalKey = "espace-portal-key-of-the-storage-tests";
    private const string Password = "Sante-Bleue-2026!";

    private static readonly Dictionary<string, string> Portal = new() { ["authorization"] = $"Bearer {PortalKey}" };

    [Fact]
    public async Task Activation_StepsAlternateBetweenSilos_ActiveAndTheAccessCodeSentByOneOpensASessionOnTheOther()
    {
        // Arrange: two silos; the back office imports the member and sends the code through A.
        var settings = SesameOnAzurite.Settings(azurite.Azurite);
        settings[$"Sesame:Tenants:{Tenant}:Identifier"] = "ChosenIdentifier";
        settings[$"Sesame:Tenants:{Tenant}:Activation:Enabled"] = "true";
        settings[$"Sesame:Tenants:{Tenant}:SecondFactor:Enabled"] = "true";
        settings[$"Sesame:Tenants:{Tenant}:Secret:Kind"] = "Password";
        settings[$"Sesame:Tenants:{Tenant}:Secret:Password:MinLength"] = "8";
        settings["Sesame:Portals:espace:Tenant"] = Tenant;
        settings["Sesame:Portals:espace:KeyHash"] = ApiKeyHash.Of(PortalKey);
        settings["Sesame:BackOffices:office:Tenants:1"] = Tenant;
        await using var siloA = await SiloProcess.StartAsync(settings);
        await using var siloB = await SiloProcess.StartAsync(settings);
        await using var clientA = NodeGrpcClient.Start(siloA.Address);
        await using var clientB = NodeGrpcClient.Start(siloB.Address);
        var nir = TestIdentifiers.Nir();
        var member = new
        {
            identifier = TestIdentifiers.For(Tenant),
            nir,
            email = $"m{Guid.NewGuid():N}@exemple.fr",
            vitale_card_kind = "VITALE_CARD_KIND_WITHOUT_PHOTO",
            vitale_card_serial = "1049300117",
        };
        Assert.Equal(0, (await clientA.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant = Tenant, members = new[] { member } }, SesameOnAzurite.BackOfficeMetadata)).Code);
        Assert.Equal(0, (await clientA.CallAsync("sesame.v1.MemberAdmin/IssueProvisionalCode", new { tenant = Tenant, member.identifier }, SesameOnAzurite.BackOfficeMetadata)).Code);
        var code = await CodeInLogsAsync(ProvisionalCodePattern(), siloA, siloB);

        // Act: the steps alternate between the silos, then the sign-in does too.
        var identified = await Step(clientB, "Identify", new { tenant = Tenant, provisional_code = code, nir });
        var activationId = identified.Field("activation_id");
        var card = await Step(clientA, "CheckVitaleCard", new { tenant = Tenant, activation_id = activationId, card_kind = member.vitale_card_kind, serial_number = member.vitale_card_serial });
        var decided = await Step(clientB, "Decide", new { tenant = Tenant, activation_id = activationId, decision = "ACTIVATION_DECISION_ACTIVATE" });
        var confirmed = await Step(clientA, "ConfirmContacts", new { tenant = Tenant, activation_id = activationId });
        var chosen = await Step(clientB, "ChooseCredentials", new { tenant = Tenant, activation_id = activationId, identifier = "membre.espace", password = Password, confirmation = Password });
        var login = await clientA.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = Tenant, identifier = "membre.espace", secret = Password }, Portal);
        var accessCode = await CodeInLogsAsync(AccessCodePattern(), siloA, siloB);
        var signedIn = await clientB.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = Tenant, identifier = "membre.espace", access_code_flow_id = login.Field("access_code_flow_id"), code = accessCode }, Portal);
        var reusedOnA = await clientA.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = Tenant, identifier = "membre.espace", access_code_flow_id = login.Field("access_code_flow_id"), code = accessCode }, Portal);

        // Assert
        Assert.Equal("IDENTIFY_STATUS_IDENTIFIED", identified.Field("status"));
        Assert.Equal((0, 0), (card.Code, confirmed.Code));
        Assert.Equal("DECIDE_STATUS_ACTIVATING", decided.Field("status"));
        Assert.Equal("CHOOSE_CREDENTIALS_STATUS_ACTIVATED", chosen.Field("status"));
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_SENT", login.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", signedIn.Field("status"));
        Assert.Equal("LOGIN_STATUS_ACCESS_CODE_EXPIRED", reusedOnA.Field("status"));
        var session = await clientA.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = Tenant, session_token = signedIn.Field("session_token") }, Portal);
        Assert.Equal(("true", "membre.espace"), (session.Field("valid"), session.Field("identifier")));
    }

    private static Task<GrpcCallResult> Step(NodeGrpcClient client, string method, object request) =>
        client.CallAsync($"sesame.v1.MemberActivation/{method}", request, Portal);

    /// <summary>The code the dev outbox of either silo logged.</summary>
    private static async Task<string> CodeInLogsAsync(Regex pattern, params SiloProcess[] silos)
    {
        await Eventually.TrueAsync(() => silos.Any(silo => pattern.IsMatch(silo.Output)));
        return silos.Select(silo => pattern.Match(silo.Output)).First(match => match.Success).Groups[1].Value;
    }

    [GeneratedRegex("Code provisoire : ([A-Z0-9]+)")]
    private static partial Regex ProvisionalCodePattern();

    [GeneratedRegex("code d'accès à usage unique : ([0-9]+)")]
    private static partial Regex AccessCodePattern();
}
