using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>Sign-in through gRPC with @grpc/grpc-js, as the mutuelle portals' help pages describe it.</summary>
[Collection(ServerCollection.Name)]
public sealed class MemberAuthInteropTests(SesameServerFixture fixture)
{
    private const string Login = "sesame.v1.MemberAuth/Login";
    private const string CreateMember = "sesame.v1.MemberAdmin/CreateMember";
    private const string Pin = "482913";
    private const string WrongPin = "930517";

    private SesameServer server => fixture.Server;

    [Fact]
    public async Task Login_DemoMember_Succeeds()
    {
        // ASSU2000, "1. Comment se connecter ?": "Je saisis mon identifiant et mon mot de passe à 6 chiffres."
        var result = await server.Client.CallAsync(Login, new { tenant = "assu2000", identifier = "AS100002", secret = "305718" }, SesameServer.Portal("assu2000"));

        Assert.Equal(0, result.Code);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", result.Field("status"));
    }

    [Fact]
    public async Task Login_WrongPins_ReplyCountsDownRemainingAttempts()
    {
        // CPMS, "4. Je n'arrive pas à me connecter": "Mot de passe erroné. Attention il vous reste N tentatives".
        var identifier = await server.CreateMemberAsync("cpms", birthDate: "1985-03-14");

        var first = await LoginAsync("cpms", identifier, WrongPin);
        var second = await LoginAsync("cpms", identifier, WrongPin);

        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "2"), (first.Field("status"), first.Field("remaining_attempts")));
        Assert.Equal(("LOGIN_STATUS_INVALID_CREDENTIALS", "1"), (second.Field("status"), second.Field("remaining_attempts")));
    }

    [Fact]
    public async Task Login_ThreeWrongPins_LockedForOneMinuteEvenWithTheRightPin()
    {
        // ASSU2000, "4. Je n'arrive pas à me connecter": "J'ai tenté 3 connexions avec des identifiants/mot de passe
        // erronés." ... "Par mesure de sécurité, vous devez patienter 1mn avant une nouvelle tentative".
        var identifier = await server.CreateMemberAsync("assu2000", birthDate: "1985-03-14");
        await LoginAsync("assu2000", identifier, WrongPin);
        await LoginAsync("assu2000", identifier, WrongPin);

        var third = await LoginAsync("assu2000", identifier, WrongPin);
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var rightPinWhileLocked = await LoginAsync("assu2000", identifier, Pin);

        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", third.Field("status"));
        Assert.Equal("60", third.Response!["retry_after"]!["seconds"]!.ToString());
        Assert.Equal("LOGIN_STATUS_LOCKED_OUT", rightPinWhileLocked.Field("status"));
        Assert.Equal("30", rightPinWhileLocked.Response!["retry_after"]!["seconds"]!.ToString());
    }

    [Fact]
    public async Task Login_AfterTheMinute_SucceedsAgain()
    {
        // ASSU2000, "4.2": "S'il s'agit d'une erreur de frappe, je peux tenter une nouvelle fois."
        var identifier = await server.CreateMemberAsync("acs", birthDate: "1985-03-14");
        for (var i = 0; i < 3; i++)
        {
            await LoginAsync("acs", identifier, WrongPin);
        }

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await LoginAsync("acs", identifier, Pin);

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", result.Field("status"));
    }

    [Fact]
    public async Task Login_LockoutsInARow_GrowThenRequireRecoveryUntilABackOfficeUnlocks()
    {
        // Beyond the help pages' first minute: each lockout in a row lasts twice as long, and after ten the account
        // waits for a recovery; the back office can unlock it.
        var identifier = await server.CreateMemberAsync("cpms", birthDate: "1985-03-14");
        var waits = new List<string>();
        GrpcCallResult last;
        do
        {
            last = await LoginAsync("cpms", identifier, WrongPin);
            if (last.Field("status") == "LOGIN_STATUS_LOCKED_OUT")
            {
                var seconds = long.Parse(last.Response!["retry_after"]!["seconds"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                waits.Add($"{seconds / 60}");
                server.Clock.Advance(TimeSpan.FromSeconds(seconds));
            }
        }
        while (last.Field("status") != "LOGIN_STATUS_RECOVERY_REQUIRED");

        var rightPinBeforeUnlock = await LoginAsync("cpms", identifier, Pin);
        var unlock = await server.Client.CallAsync("sesame.v1.MemberAdmin/UnlockMember", new { tenant = "cpms", identifier }, SesameServer.BackOffice);
        var rightPinAfterUnlock = await LoginAsync("cpms", identifier, Pin);

        Assert.Equal(["1", "2", "4", "8", "16", "32", "64", "128", "256"], waits);
        Assert.Equal("LOGIN_STATUS_RECOVERY_REQUIRED", rightPinBeforeUnlock.Field("status"));
        Assert.Equal(0, unlock.Code);
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", rightPinAfterUnlock.Field("status"));
    }

    [Fact]
    public async Task UnlockMember_NoAccount_NotFound()
    {
        var result = await server.Client.CallAsync("sesame.v1.MemberAdmin/UnlockMember", new { tenant = "cpms", identifier = TestIdentifiers.Nir() }, SesameServer.BackOffice);

        Assert.Equal(5, result.Code);
    }

    [Fact]
    public async Task Login_UnknownIdentifier_RepliesExactlyLikeAWrongPin()
    {
        var known = await server.CreateMemberAsync("assu2000", birthDate: "1985-03-14");
        var unknown = $"U{Guid.NewGuid():N}"[..20];

        for (var i = 0; i < 4; i++)
        {
            var knownReply = await LoginAsync("assu2000", known, WrongPin);
            var unknownReply = await LoginAsync("assu2000", unknown, WrongPin);
            Assert.Equal(knownReply.Code, unknownReply.Code);
            Assert.Equal(knownReply.Response!.ToJsonString(), unknownReply.Response!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("assu2000", "AS100001", "12a456", "secret")]
    [InlineData("assu2000", "AS100001", "12345", "secret")]
    [InlineData("assu2000", "", "482913", "identifier")]
    [InlineData("", "AS100001", "482913", "tenant")]
    [InlineData("ASSU2000", "AS100001", "482913", "tenant")]
    public async Task Login_BadInput_InvalidArgumentNamingTheField(string tenant, string identifier, string pin, string field)
    {
        var result = await LoginAsync(tenant, identifier, pin, portalOf: "assu2000");

        Assert.Equal(3, result.Code);
        Assert.Contains($"{field}:", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_BadInput_ChangesNoCounter()
    {
        var identifier = await server.CreateMemberAsync("assu2000", birthDate: "1985-03-14");

        await LoginAsync("assu2000", identifier, "abcdef");
        await LoginAsync("assu2000", identifier, "1234567");
        var firstRealFailure = await LoginAsync("assu2000", identifier, WrongPin);

        Assert.Equal("2", firstRealFailure.Field("remaining_attempts"));
    }

    [Theory]
    [InlineData("185057800608492")]
    [InlineData("18505780060849")]
    [InlineData("AS100001")]
    public async Task Login_CpmsWithABadNir_InvalidArgumentNamingTheIdentifier(string nir)
    {
        // CPMS, "2. Je saisis mon numéro de Sécurité Sociale et mon mot de passe à 6 chiffres."
        var result = await LoginAsync("cpms", nir, Pin);

        Assert.Equal(3, result.Code);
        Assert.Contains("identifier: must be a social security number", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_CpmsNirTypedWithSpaces_SameAccount()
    {
        var result = await LoginAsync("cpms", "1 85 05 78 006 084 91", "264815");

        Assert.Equal("LOGIN_STATUS_SUCCEEDED", result.Field("status"));
    }

    [Fact]
    public async Task Login_UnknownTenant_NotFound()
    {
        var result = await LoginAsync("nowhere", "AS100001", Pin, portalOf: "assu2000");

        Assert.Equal(5, result.Code);
        Assert.Contains("nowhere", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_MalformedMessage_InvalidArgument()
    {
        var result = await server.Client.CallRawAsync(Login, [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);

        Assert.Equal(3, result.Code);
    }

    [Fact]
    public async Task Login_IdentifierNotUtf8_InvalidArgument()
    {
        // tenant "assu2000", identifier 'A' 0xC3 '(' (a lead byte followed by no continuation byte), secret "482913".
        byte[] message = [0x0A, 0x08, .. "assu2000"u8, 0x12, 0x03, 0x41, 0xC3, 0x28, 0x1A, 0x06, .. "482913"u8];

        var result = await server.Client.CallRawAsync(Login, message);

        Assert.Equal(3, result.Code);
    }

    [Fact]
    public async Task CreateMember_NewIdentifier_CreatedAndCanSignIn()
    {
        var identifier = $"N{Guid.NewGuid():N}"[..12];

        var created = await server.Client.CallAsync(CreateMember, new { tenant = "acs", identifier, secret = Pin, birth_date = "1990-04-12" }, SesameServer.BackOffice);
        var login = await LoginAsync("acs", identifier, Pin);

        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", created.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
    }

    [Fact]
    public async Task CreateMember_ExistingIdentifier_AlreadyExistsAndPinUnchanged()
    {
        var identifier = await server.CreateMemberAsync("acs", birthDate: "1985-03-14");

        var again = await server.Client.CallAsync(CreateMember, new { tenant = "acs", identifier, secret = "305718", birth_date = "" }, SesameServer.BackOffice);
        var login = await LoginAsync("acs", identifier, Pin);

        Assert.Equal("CREATE_MEMBER_STATUS_ALREADY_EXISTS", again.Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", login.Field("status"));
    }

    [Theory]
    [InlineData("111111", "", "secret")]
    [InlineData("123456", "", "secret")]
    [InlineData("120490", "1990-04-12", "secret")]
    [InlineData("482913", "1990-02-30", "birth_date")]
    [InlineData("482913", "2190-01-01", "birth_date")]
    [InlineData("482913", "12/04/1990", "birth_date")]
    public async Task CreateMember_RefusedInput_InvalidArgumentAndNoAccount(string pin, string birthDate, string field)
    {
        var identifier = $"R{Guid.NewGuid():N}"[..12];

        var result = await server.Client.CallAsync(CreateMember, new { tenant = "assu2000", identifier, pin, birth_date = birthDate }, SesameServer.BackOffice);
        var secondTry = await server.Client.CallAsync(CreateMember, new { tenant = "assu2000", identifier, secret = Pin, birth_date = "" }, SesameServer.BackOffice);

        Assert.Equal(3, result.Code);
        Assert.Contains($"{field}:", result.Details, StringComparison.Ordinal);
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", secondTry.Field("status"));
    }

    /// <summary>Signs in with the demo key of <paramref name="portalOf"/>, by default the tenant's own portal.</summary>
    private Task<GrpcCallResult> LoginAsync(string tenant, string identifier, string pin, string? portalOf = null) =>
        server.SignInAsync(tenant, identifier, pin, SesameServer.Portal(portalOf ?? tenant));
}
