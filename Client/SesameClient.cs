using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Sesame.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using PortalClient = Sesame.V1.Portal.PortalClient;

namespace Sesame.Client;

/// <summary>
/// Sésame's API for .NET callers: portals, back offices, tools and tests. The generated clients of every service are
/// here as properties; the methods below are shortcuts for the common calls. Errors are <see cref="RpcException"/>s;
/// <see cref="RpcExceptionExtensions.GetFieldViolations"/> names the fields at fault.
/// </summary>
public sealed class SesameClient : IDisposable
{
    private readonly GrpcChannel? ownedChannel;

    /// <summary>A client over generated clients the caller made, e.g. by <see cref="SesameServiceCollectionExtensions.AddSesameClient"/>.</summary>
    public SesameClient(
        MemberAuth.MemberAuthClient memberAuth,
        MemberRecovery.MemberRecoveryClient memberRecovery,
        MemberActivation.MemberActivationClient memberActivation,
        PortalClient portal,
        MemberAdmin.MemberAdminClient memberAdmin,
        HealthClient health)
    {
        MemberAuth = memberAuth;
        MemberRecovery = memberRecovery;
        MemberActivation = memberActivation;
        Portal = portal;
        MemberAdmin = memberAdmin;
        Health = health;
    }

    private SesameClient(GrpcChannel channel, CallInvoker calls)
        : this(new(calls), new(calls), new(calls), new(calls), new(calls), new(calls))
    {
        ownedChannel = channel;
    }

    /// <summary>Signing in and out, keypads, challenges, sessions.</summary>
    public MemberAuth.MemberAuthClient MemberAuth { get; }

    /// <summary>Forgotten secret and forgotten identifier.</summary>
    public MemberRecovery.MemberRecoveryClient MemberRecovery { get; }

    /// <summary>A member's first visit: identification, contacts, credentials.</summary>
    public MemberActivation.MemberActivationClient MemberActivation { get; }

    /// <summary>What a portal shows: the tenant's settings.</summary>
    public PortalClient Portal { get; }

    /// <summary>Back-office calls: members, imports, letters, audit trail.</summary>
    public MemberAdmin.MemberAdminClient MemberAdmin { get; }

    /// <summary>The standard gRPC health service.</summary>
    public HealthClient Health { get; }

    /// <summary>
    /// A client of the server at <paramref name="address"/> (http:// for h2c, https:// for TLS) using
    /// <paramref name="apiKey"/>, over <paramref name="handler"/> if given.
    /// </summary>
    public static SesameClient Create(Uri address, string? apiKey, HttpMessageHandler? handler = null) =>
        Create(new SesameClientOptions { Address = address, ApiKey = apiKey }, handler);

    /// <summary>A client as <paramref name="options"/> say, over <paramref name="handler"/> if given; it owns its channel and the handler.</summary>
    public static SesameClient Create(SesameClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Address ?? throw new ArgumentException("The options name no address.", nameof(options));
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            ServiceConfig = SesameServiceConfig.Create(),
        });
        return new SesameClient(channel, channel.Intercept(new SesameCallInterceptor(options.ApiKey, options.DefaultDeadline)));
    }

    public void Dispose() => ownedChannel?.Dispose();

    public async Task<HealthCheckResponse> CheckHealthAsync(string service = "", CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await Health.CheckAsync(new HealthCheckRequest { Service = service }, For(options, cancellationToken));

    public async Task<LoginReply> LoginAsync(LoginRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAuth.LoginAsync(request, For(options, cancellationToken));

    public async Task<Keypad> IssueKeypadAsync(string tenant, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAuth.IssueKeypadAsync(new IssueKeypadRequest { Tenant = tenant }, For(options, cancellationToken));

    public async Task<ValidateSessionReply> ValidateSessionAsync(ValidateSessionRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAuth.ValidateSessionAsync(request, For(options, cancellationToken));

    public async Task<LogoutReply> LogoutAsync(LogoutRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAuth.LogoutAsync(request, For(options, cancellationToken));

    public async Task<EndSessionsReply> EndSessionsAsync(EndSessionsRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAdmin.EndSessionsAsync(request, For(options, cancellationToken));

    public async Task<TenantDescription> DescribeTenantAsync(string tenant, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await Portal.DescribeTenantAsync(new DescribeTenantRequest { Tenant = tenant }, For(options, cancellationToken));

    public async Task<CreateMemberReply> CreateMemberAsync(CreateMemberRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAdmin.CreateMemberAsync(request, For(options, cancellationToken));

    public async Task<UnlockMemberReply> UnlockMemberAsync(UnlockMemberRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAdmin.UnlockMemberAsync(request, For(options, cancellationToken));

    public async Task<GetAuditTrailReply> GetAuditTrailAsync(GetAuditTrailRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        await MemberAdmin.GetAuditTrailAsync(request, For(options, cancellationToken));

    private static global::Grpc.Core.CallOptions For(CallOptions? options, CancellationToken cancellationToken) =>
        (options ?? new CallOptions()).ToGrpcCallOptions(cancellationToken);
}
