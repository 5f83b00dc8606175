using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>Portal credentials, tenant isolation and the origin metadata, through @grpc/grpc-js.</summary>
[Collection(ServerCollection.Name)]
public sealed class SecurityInteropTests(SesameServerFixture fixture)
{
    private const string Login = "sesame.v1.MemberAuth/Login";
    private const string CreateMember = "sesame.v1.MemberAdmin/CreateMember";
    private const string GetAuditTrail = "sesame.v1.MemberAdmin/GetAuditTrail";
    private const string DescribeTenant = "sesame.v1.Portal/DescribeTenant";
    private const string Pin = "482913";
    private const string WrongPin = "930517";

    private SesameServer Server => fixture.Server;

    [Fact]
    public async Task Login_NoCredential_UnauthenticatedAndNothingCounted()
    {
        var identifier = await Server.CreateMemberAsync("assu2000");

        var result = await Server.Client.CallAsync(Login, new { tenant = "assu2000", identifier, secret = WrongPin });

        Assert.Equal(16, result.Code);
        Assert.Equal("2", (await LoginAsync("assu2000", identifier, WrongPin, SesameServer.Portal("assu2000"))).Field("remaining_attempts"));
    }

    [Theory]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic ZGVtbzpkZW1v")]
    [InlineData("demo-assu2000-portal-key")]
    public async Task Login_WrongCredential_Unauthenticated(string authorization)
    {
        var result = await Server.Client.CallAsync(Login, new { tenant = "assu2000", identifier = "AS100001", secret = Pin }, new Dictionary<string, string> { ["authorization"] = authorization });

        Assert.Equal(16, result.Code);
    }

    [Fact]
    public async Task Login_AnotherTenantsPortal_PermissionDeniedAndAccountUntouched()
    {
        var identifier = await Server.CreateMemberAsync("assu2000");

        var foreign = new List<GrpcCallResult>();
        for (var i = 0; i < 4; i++)
        {
            foreign.Add(await LoginAsync("assu2000", identifier, i == 3 ? Pin : WrongPin, SesameServer.Portal("acs")));
        }

        Assert.All(foreign, result => Assert.Equal(7, result.Code));
        Assert.All(foreign, result => Assert.Null(result.Response));
        Assert.Equal("2", (await LoginAsync("assu2000", identifier, WrongPin, SesameServer.Portal("assu2000"))).Field("remaining_attempts"));
    }

    [Fact]
    public async Task Login_BackOfficeCredential_PermissionDenied()
    {
        var result = await LoginAsync("assu2000", "AS100001", Pin, SesameServer.BackOffice);

        Assert.Equal(7, result.Code);
    }

    [Fact]
    public async Task CreateMember_PortalCredential_PermissionDeniedAndNoAccount()
    {
        var identifier = $"P{Guid.NewGuid():N}"[..12];

        var result = await Server.Client.CallAsync(CreateMember, new { tenant = "assu2000", identifier, secret = Pin }, SesameServer.Portal("assu2000"));

        Assert.Equal(7, result.Code);
        Assert.Equal(5, (await AuditTrailAsync("assu2000", identifier)).Code);
    }

    [Fact]
    public async Task DescribeTenant_OwnTenant_PolicyOfTheHelpPages()
    {
        var result = await Server.Client.CallAsync(DescribeTenant, new { tenant = "cpms" }, SesameServer.Portal("cpms"));

        Assert.Equal(0, result.Code);
        Assert.Equal("CPMS", result.Field("display_name"));
        Assert.Equal("3", result.Field("max_failed_attempts"));
        Assert.Equal("60", result.Response!["lockout_duration"]!["seconds"]!.ToString());
        Assert.Equal("true", result.Field("reveals_remaining_attempts"), ignoreCase: true);
        Assert.Equal("IDENTIFIER_KIND_NIR", result.Field("identifier_kind"));
        Assert.Equal("SECRET_KIND_PIN", result.Field("secret_kind"));
        Assert.Equal("true", result.Field("keypad"), ignoreCase: true);
    }

    [Fact]
    public async Task DescribeTenant_AnotherTenant_PermissionDenied()
    {
        var result = await Server.Client.CallAsync(DescribeTenant, new { tenant = "cpms" }, SesameServer.Portal("acs"));

        Assert.Equal(7, result.Code);
    }

    [Fact]
    public async Task Login_OriginMetadata_RecordedInTheAuditTrail()
    {
        var identifier = await Server.CreateMemberAsync("acs");
        var metadata = SesameServer.Portal("acs");
        metadata["sesame-client-ip"] = "2001:db8::7";
        metadata["sesame-client-user-agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

        await LoginAsync("acs", identifier, WrongPin, metadata);
        await LoginAsync("acs", identifier, Pin, metadata);
        var trail = await AuditTrailAsync("acs", identifier);

        var entries = trail.Response!["entries"]!.AsArray();
        Assert.Equal(["AUDIT_EVENT_ACCOUNT_CREATED", "AUDIT_EVENT_LOGIN_FAILED", "AUDIT_EVENT_LOGIN_SUCCEEDED"], entries.Select(entry => entry!["event"]!.ToString()));
        Assert.Equal("demo-back-office", entries[0]!["caller"]!.ToString());
        Assert.Equal("demo-acs", entries[2]!["caller"]!.ToString());
        Assert.Equal("2001:db8::7", entries[2]!["client_ip"]!.ToString());
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", entries[2]!["user_agent"]!.ToString());
    }

    [Fact]
    public async Task Login_MalformedClientIp_InvalidArgumentAndNothingCounted()
    {
        var identifier = await Server.CreateMemberAsync("acs");
        var metadata = SesameServer.Portal("acs");
        metadata["sesame-client-ip"] = "999.1.1.1";

        var result = await LoginAsync("acs", identifier, WrongPin, metadata);

        Assert.Equal(3, result.Code);
        Assert.Contains("sesame-client-ip", result.Details, StringComparison.Ordinal);
        Assert.Equal("2", (await LoginAsync("acs", identifier, WrongPin, SesameServer.Portal("acs"))).Field("remaining_attempts"));
    }

    [Fact]
    public async Task RateLimit_PortalOverItsBurst_ResourceExhaustedUntilTimeRefills()
    {
        var key = "rate-limited-portal-key";
        await using var server = await SesameServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sesame:Portals:slow:Tenant"] = "assu2000",
            ["Sesame:Portals:slow:KeyHash"] = Frontend.Security.ApiKeyHash.Of(key),
            ["Sesame:Portals:slow:RateLimit:PermitsPerSecond"] = "1",
            ["Sesame:Portals:slow:RateLimit:Burst"] = "3",
        });
        var metadata = new Dictionary<string, string> { ["authorization"] = $"Bearer {key}" };

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await server.Client.CallAsync(DescribeTenant, new { tenant = "assu2000" }, metadata)).Code);
        }

        server.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await server.Client.CallAsync(DescribeTenant, new { tenant = "assu2000" }, metadata);
        var demoKeyGone = await server.Client.CallAsync(DescribeTenant, new { tenant = "assu2000" }, SesameServer.Portal("assu2000"));

        Assert.Equal([0, 0, 0, 8], codes);
        Assert.Equal(0, afterASecond.Code);
        Assert.Equal(16, demoKeyGone.Code);
    }

    private Task<GrpcCallResult> LoginAsync(string tenant, string identifier, string pin, Dictionary<string, string> metadata) =>
        Server.Client.CallAsync(Login, new { tenant, identifier, secret = pin }, metadata);

    private Task<GrpcCallResult> AuditTrailAsync(string tenant, string identifier) =>
        Server.Client.CallAsync(GetAuditTrail, new { tenant, identifier }, SesameServer.BackOffice);
}
