using System.Net;
using Grpc.Health.V1;
using Sesame.V1;

namespace Sesame.Client;

/// <summary>Sésame's API for .NET callers: portals, back offices, tools and tests.</summary>
public sealed class SesameClient : IDisposable
{
    private readonly GrpcUnaryClient calls;
    private readonly HttpClient? ownedHttp;

    /// <summary>A client over calls whose <see cref="HttpClient"/> the caller owns.</summary>
    public SesameClient(GrpcUnaryClient calls)
    {
        this.calls = calls;
    }

    private SesameClient(HttpClient http, string? apiKey, TimeProvider? time)
    {
        ownedHttp = http;
        calls = new GrpcUnaryClient(http, apiKey, time);
    }

    /// <summary>
    /// A client of the server at <paramref name="address"/> (http:// for h2c, https:// for TLS) using
    /// <paramref name="apiKey"/>; deadlines run on <paramref name="time"/>.
    /// </summary>
    public static SesameClient Create(Uri address, string? apiKey, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler())
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new SesameClient(http, apiKey, time);
    }

    public void Dispose() => ownedHttp?.Dispose();

    public Task<HealthCheckResponse> CheckHealthAsync(string service = "", CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = service }, HealthCheckResponse.Parser, options, cancellationToken);

    public Task<LoginReply> LoginAsync(LoginRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAuth/Login", request, LoginReply.Parser, options, cancellationToken);

    public Task<Keypad> IssueKeypadAsync(string tenant, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAuth/IssueKeypad", new IssueKeypadRequest { Tenant = tenant }, Keypad.Parser, options, cancellationToken);

    public Task<ValidateSessionReply> ValidateSessionAsync(ValidateSessionRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAuth/ValidateSession", request, ValidateSessionReply.Parser, options, cancellationToken);

    public Task<LogoutReply> LogoutAsync(LogoutRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAuth/Logout", request, LogoutReply.Parser, options, cancellationToken);

    public Task<EndSessionsReply> EndSessionsAsync(EndSessionsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAdmin/EndSessions", request, EndSessionsReply.Parser, options, cancellationToken);

    public Task<TenantDescription> DescribeTenantAsync(string tenant, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.Portal/DescribeTenant", new DescribeTenantRequest { Tenant = tenant }, TenantDescription.Parser, options, cancellationToken);

    public Task<CreateMemberReply> CreateMemberAsync(CreateMemberRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAdmin/CreateMember", request, CreateMemberReply.Parser, options, cancellationToken);

    public Task<UnlockMemberReply> UnlockMemberAsync(UnlockMemberRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAdmin/UnlockMember", request, UnlockMemberReply.Parser, options, cancellationToken);

    public Task<GetAuditTrailReply> GetAuditTrailAsync(GetAuditTrailRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.CallAsync("/sesame.v1.MemberAdmin/GetAuditTrail", request, GetAuditTrailReply.Parser, options, cancellationToken);
}
