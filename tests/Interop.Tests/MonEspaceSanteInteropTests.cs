using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The back office and the edges of Mon espace santé (mes): imports, provisional codes, and bad calls refused with nothing changed.</summary>
[Collection(ServerCollection.Name)]
public sealed class MonEspaceSanteInteropTests(SesameServerFixture fixture)
{
    private SesameServer Server => fixture.Server;

    private SpacePortal Portal => new(Server);

    [Fact]
    public async Task ImportMembers_MesRecordWithSecretWithoutNirOrCard_InvalidArgumentNamingEachAndNothingImported()
    {
        var good = MemberRecordFields.ForSpace();
        var bad = MemberRecordFields.ForSpace() with { secret = "Sante-Bleue-2026!", nir = string.Empty, vitale_card_kind = "VITALE_CARD_KIND_UNSPECIFIED", vitale_card_serial = "80-25" };

        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant = SpacePortal.Tenant, members = new[] { good, bad } }, SesameServer.BackOffice);

        Assert.Equal(3, result.Code);
        Assert.Equal(["members[1].nir", "members[1].secret", "members[1].vitale_card_kind", "members[1].vitale_card_serial"], SesameServer.ViolatedFields(result));
        Assert.Equal(5, (await Portal.IssueProvisionalCodeAsync(good)).Code);
    }

    [Fact]
    public async Task ImportMembers_VitaleCardForATenantWithoutActivation_InvalidArgument()
    {
        var record = MemberRecordFields.For("assu2000", "482913") with { vitale_card_kind = "VITALE_CARD_KIND_WITH_PHOTO", vitale_card_serial = "8025000002" };

        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant = "assu2000", members = new[] { record } }, SesameServer.BackOffice);

        Assert.Equal(["members[0].vitale_card_kind"], SesameServer.ViolatedFields(result));
    }

    [Fact]
    public async Task IssueProvisionalCode_UnknownMemberOtherTenantOrActiveSpace_ClearErrors()
    {
        var member = await Portal.ImportAsync();
        await Portal.ActivateAsync(member);

        var unknown = await Server.Client.CallAsync("sesame.v1.MemberAdmin/IssueProvisionalCode", new { tenant = SpacePortal.Tenant, identifier = "NOBODY-42" }, SesameServer.BackOffice);
        var notOffered = await Server.Client.CallAsync("sesame.v1.MemberAdmin/IssueProvisionalCode", new { tenant = "assu2000", identifier = "AS100001" }, SesameServer.BackOffice);
        var active = await Portal.IssueProvisionalCodeAsync(member);
        var portalKey = await Server.Client.CallAsync("sesame.v1.MemberAdmin/IssueProvisionalCode", new { tenant = SpacePortal.Tenant, member.identifier }, SpacePortal.Metadata);

        Assert.Equal(5, unknown.Code);
        Assert.Equal(9, notOffered.Code);
        Assert.Equal(9, active.Code);
        Assert.Contains("active already", active.Details, StringComparison.Ordinal);
        Assert.Equal(7, portalKey.Code);
    }

    [Fact]
    public async Task CreateMemberAndSecurityCodeLetters_MesTenant_FailedPreconditionPointingToActivation()
    {
        var member = await Portal.ImportAsync();

        var create = await Server.Client.CallAsync("sesame.v1.MemberAdmin/CreateMember", new { tenant = SpacePortal.Tenant, identifier = "MES-NEW-1", secret = "Sante-Bleue-2026!" }, SesameServer.BackOffice);
        var letter = await Server.Client.CallAsync("sesame.v1.MemberAdmin/IssueSecurityCode", new { tenant = SpacePortal.Tenant, member.identifier }, SesameServer.BackOffice);

        Assert.Equal(9, create.Code);
        Assert.Contains("ImportMembers", create.Details, StringComparison.Ordinal);
        Assert.Equal(9, letter.Code);
        Assert.Contains("IssueProvisionalCode", letter.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberActivation_TenantWithoutActivation_FailedPrecondition()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberActivation/Identify", new { tenant = "assu2000", provisional_code = "ABCDEFGHJKMN", nir = TestIdentifiers.Nir() }, SesameServer.Portal("assu2000"));

        Assert.Equal(9, result.Code);
        Assert.Contains("no activation", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberActivation_AnotherTenantsPortalKey_PermissionDenied()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberActivation/Identify", new { tenant = SpacePortal.Tenant, provisional_code = "ABCDEFGHJKMN", nir = TestIdentifiers.Nir() }, SesameServer.Portal("assu2000"));

        Assert.Equal(7, result.Code);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task ChangeContact_BothOrNeitherContact_InvalidArgumentAndNoCodeSent(bool email, bool mobile)
    {
        var member = await Portal.ImportAsync();
        var activationId = await Portal.IdentifyWithCardAsync(member, await Portal.SendProvisionalCodeAsync(member));
        await Portal.ActivateDecisionAsync(activationId);
        var sent = Server.Outbox.Sent.Count;
        var request = (email, mobile) switch
        {
            (true, true) => (object)new { tenant = SpacePortal.Tenant, activation_id = activationId, email = "x@exemple.fr", mobile = "0611223344" },
            _ => new { tenant = SpacePortal.Tenant, activation_id = activationId },
        };

        var result = await Portal.CallAsync("ChangeContact", request);

        Assert.Equal(3, result.Code);
        Assert.Equal(["email"], SesameServer.ViolatedFields(result));
        Assert.Equal(sent, Server.Outbox.Sent.Count);
    }

    [Fact]
    public async Task VerifyAccessCode_BadFlowIdAndCode_InvalidArgumentNamingBoth()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = SpacePortal.Tenant, identifier = "christian.durand", access_code_flow_id = "short", code = "12a456" }, SpacePortal.Metadata);

        Assert.Equal(3, result.Code);
        Assert.Equal(["access_code_flow_id", "code"], SesameServer.ViolatedFields(result));
    }

    [Fact]
    public async Task Login_AccessCodeChannelForATenantWithoutSecondFactor_InvalidArgument()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier = "AS100001", secret = "482913", access_code_channel = "CODE_CHANNEL_SMS" }, SesameServer.Portal("assu2000"));

        Assert.Equal(3, result.Code);
        Assert.Equal(["access_code_channel"], SesameServer.ViolatedFields(result));
    }

    [Theory]
    [InlineData("Christian.Durand")]
    [InlineData("christian@exemple.fr")]
    public async Task Login_IdentifierAMemberCouldNotHaveChosen_InvalidArgumentNamingIt(string identifier)
    {
        var result = await Portal.LoginAsync(identifier);

        Assert.Equal(3, result.Code);
        Assert.Equal(["identifier"], SesameServer.ViolatedFields(result));
    }

    [Fact]
    public async Task VerifyAccessCode_TenantWithoutSecondFactor_FailedPrecondition()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/VerifyAccessCode", new { tenant = "assu2000", identifier = "AS100001", access_code_flow_id = Grains.Interfaces.RandomToken.New(), code = "123456" }, SesameServer.Portal("assu2000"));

        Assert.Equal(9, result.Code);
    }
}
