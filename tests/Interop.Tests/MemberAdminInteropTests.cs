using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>The back office's service: batch import, contacts, security codes by letter.</summary>
[Collection(ServerCollection.Name)]
public sealed class MemberAdminInteropTests(SesameServerFixture fixture)
{
    private const string Pin = "482913";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task ImportMembers_OneBadRecord_InvalidArgumentNamingItAndNothingImported()
    {
        // Arrange
        var good = MemberRecordFields.For("assu2000", Pin);
        var badNir = MemberRecordFields.For("assu2000") with { nir = "185037511122254", email = "not-an-address", address_lines = [new string('x', 39)] };

        // Act
        var result = await Import("assu2000", good, badNir);

        // Assert
        Assert.Equal(3, result.Code);
        Assert.Equal(["members[1].address_lines", "members[1].email", "members[1].nir"], SesameServer.ViolatedFields(result));
        Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", (await Server.SignInAsync("assu2000", good.identifier, Pin)).Field("status"));
        Assert.Equal(5, (await Server.Client.CallAsync("sesame.v1.MemberAdmin/GetAuditTrail", new { tenant = "assu2000", good.identifier }, SesameServer.BackOffice)).Code);
    }

    [Fact]
    public async Task ImportMembers_SentTwice_SecondTimeAlreadyExistsAndUnchanged()
    {
        var record = MemberRecordFields.For("acs", Pin);
        await Import("acs", record);

        var again = await Import("acs", record with { secret = "705318" });

        Assert.Equal("IMPORT_STATUS_ALREADY_EXISTS", (string?)again.Response!["outcomes"]![0]!["status"]);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await Server.SignInAsync("acs", record.identifier, Pin)).Field("status"));
    }

    [Fact]
    public async Task ImportMembers_WeakPin_InvalidArgument()
    {
        var result = await Import("acs", MemberRecordFields.For("acs", "111111"));

        Assert.Equal(3, result.Code);
        Assert.Equal(["members[0].secret"], SesameServer.ViolatedFields(result));
    }

    [Fact]
    public async Task UpdateContacts_NewEmail_OldAddressToldAndAudited()
    {
        // Arrange
        var old = $"o{Guid.NewGuid():N}@exemple.fr";
        var identifier = await Server.ImportMemberAsync("assu2000", MemberRecordFields.For("assu2000", Pin) with { email = old });
        var replacement = $"n{Guid.NewGuid():N}@exemple.fr";

        // Act
        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/UpdateContacts", new { tenant = "assu2000", identifier, email = replacement }, SesameServer.BackOffice);

        // Assert: the old address hears of it; recovery codes now go to the new one.
        Assert.Equal(0, result.Code);
        await Server.WaitForMessageAsync(old, "coordonnées");
        Assert.Contains("AUDIT_EVENT_CONTACTS_CHANGED", await Server.AuditEventsAsync("assu2000", identifier));
        await Server.Client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = "assu2000", identifier, flow_id = Grains.Interfaces.RandomToken.New() }, SesameServer.Portal("assu2000"));
        await Server.WaitForMessageAsync(replacement, "code de sécurité");
    }

    [Fact]
    public async Task UpdateContacts_BadMobileAndUnknownMember_InvalidArgumentThenNotFound()
    {
        var bad = await Server.Client.CallAsync("sesame.v1.MemberAdmin/UpdateContacts", new { tenant = "assu2000", identifier = "AS100001", mobile = "12" }, SesameServer.BackOffice);
        var missing = await Server.Client.CallAsync("sesame.v1.MemberAdmin/UpdateContacts", new { tenant = "assu2000", identifier = TestIdentifiers.For("assu2000"), mobile = "0612345678" }, SesameServer.BackOffice);

        Assert.Equal(["mobile"], SesameServer.ViolatedFields(bad));
        Assert.Equal(5, missing.Code);
    }

    [Fact]
    public async Task IssueSecurityCode_NoAddressOnFile_FailedPrecondition()
    {
        var identifier = await Server.ImportMemberAsync("cpms", MemberRecordFields.For("cpms") with { address_lines = [] });

        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/IssueSecurityCode", new { tenant = "cpms", identifier }, SesameServer.BackOffice);

        Assert.Equal(9, result.Code);
    }

    [Fact]
    public async Task Logout_SessionEnded_AuditedOnTheAccount()
    {
        // "Se déconnecter"
        var identifier = await Server.ImportMemberAsync("acs", MemberRecordFields.For("acs", Pin));
        var session = (await Server.SignInAsync("acs", identifier, Pin)).Field("session_token");

        var logout = await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = "acs", session_token = session }, SesameServer.Portal("acs"));

        Assert.True((bool)logout.Response!["ended"]!);
        Assert.Equal("AUDIT_EVENT_LOGGED_OUT", (await Server.AuditEventsAsync("acs", identifier))[^1]);
    }

    private Task<GrpcCallResult> Import(string tenant, params MemberRecordFields[] members) =>
        Server.Client.CallAsync("sesame.v1.MemberAdmin/ImportMembers", new { tenant, members }, SesameServer.BackOffice);
}
