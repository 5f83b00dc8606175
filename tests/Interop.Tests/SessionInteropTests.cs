using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>Sessions through @grpc/grpc-js: sign in, validate on every page, sign out ("Se déconnecter").</summary>
[Collection(ServerCollection.Name)]
public sealed class SessionInteropTests(SesameServerFixture fixture)
{
    private const string Pin = "482913";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Login_Success_TokenValidatesForTheMemberUntilLogout()
    {
        var identifier = await Server.CreateMemberAsync("assu2000");
        var login = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = "assu2000", identifier, secret = Pin }, SesameServer.Portal("assu2000"));
        var token = login.Field("session_token")!;

        var valid = await ValidateAsync("assu2000", token);
        var logout = await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = "assu2000", session_token = token }, SesameServer.Portal("assu2000"));
        var afterLogout = await ValidateAsync("assu2000", token);
        var secondLogout = await Server.Client.CallAsync("sesame.v1.MemberAuth/Logout", new { tenant = "assu2000", session_token = token }, SesameServer.Portal("assu2000"));

        Assert.Equal(22, token.Length);
        Assert.Equal(("true", identifier), (valid.Field("valid")?.ToLowerInvariant(), valid.Field("identifier")));
        Assert.Equal("true", logout.Field("ended"), ignoreCase: true);
        Assert.Equal("false", afterLogout.Field("valid"), ignoreCase: true);
        Assert.Equal("false", secondLogout.Field("ended"), ignoreCase: true);
    }

    [Fact]
    public async Task ValidateSession_IdleFifteenMinutes_NoLongerValid()
    {
        var token = await SignInAsync("acs");

        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        var stillValid = await ValidateAsync("acs", token);
        Server.Clock.Advance(TimeSpan.FromMinutes(15));
        var idle = await ValidateAsync("acs", token);

        Assert.Equal("true", stillValid.Field("valid"), ignoreCase: true);
        Assert.Equal("false", idle.Field("valid"), ignoreCase: true);
    }

    [Fact]
    public async Task ValidateSession_AnotherTenantsPortal_PermissionDenied()
    {
        var token = await SignInAsync("assu2000");

        var result = await Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant = "assu2000", session_token = token }, SesameServer.Portal("acs"));
        var asOwnTenant = await ValidateAsync("acs", token);

        Assert.Equal(7, result.Code);
        Assert.Equal("false", asOwnTenant.Field("valid"), ignoreCase: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaa+")]
    public async Task ValidateSession_MalformedToken_InvalidArgumentNamingTheField(string token)
    {
        var result = await ValidateAsync("assu2000", token);

        Assert.Equal(3, result.Code);
        Assert.Contains("session_token:", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndSessions_BackOffice_SignsTheMemberOutEverywhere()
    {
        var identifier = await Server.CreateMemberAsync("cpms");
        var tokens = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            tokens.Add((await Server.SignInAsync("cpms", identifier, Pin)).Field("session_token")!);
        }

        var ended = await Server.Client.CallAsync("sesame.v1.MemberAdmin/EndSessions", new { tenant = "cpms", identifier }, SesameServer.BackOffice);

        Assert.Equal("2", ended.Field("ended"));
        foreach (var token in tokens)
        {
            Assert.Equal("false", (await ValidateAsync("cpms", token)).Field("valid"), ignoreCase: true);
        }
    }

    private Task<GrpcCallResult> ValidateAsync(string tenant, string token) =>
        Server.Client.CallAsync("sesame.v1.MemberAuth/ValidateSession", new { tenant, session_token = token }, SesameServer.Portal(tenant));

    private async Task<string> SignInAsync(string tenant)
    {
        var identifier = await Server.CreateMemberAsync(tenant);
        var login = await Server.Client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant, identifier, secret = Pin }, SesameServer.Portal(tenant));
        return login.Field("session_token")!;
    }
}
