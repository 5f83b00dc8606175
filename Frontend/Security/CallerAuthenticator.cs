using Sesame.Grains.Interfaces;
using Sesame.Grpc;

namespace Sesame.Frontend.Security;

/// <summary>
/// Turns a call's metadata into an authenticated, rate-limited caller and the origin to audit, or ends the call:
/// UNAUTHENTICATED without a valid key, PERMISSION_DENIED for a key of the other API, RESOURCE_EXHAUSTED over the
/// credential's rate, INVALID_ARGUMENT for malformed origin metadata.
/// </summary>
internal sealed class CallerAuthenticator(CallerDirectory directory)
{
    public const string ClientIpHeader = "sesame-client-ip";
    public const string UserAgentHeader = "sesame-client-user-agent";
    private const string BearerPrefix = "Bearer ";
    private const int MaxUserAgentLength = 512;

    public (Caller Caller, CallOrigin Origin) Authenticate(ServerCallContext context, CallerKind kind)
    {
        var authorization = context.RequestHeaders.Authorization.ToString();
        if (authorization.Length == 0)
        {
            throw new RpcException(StatusCode.Unauthenticated, "No credential: send the API key as 'authorization: Bearer <key>'.");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || directory.FindByKey(authorization[BearerPrefix.Length..].Trim()) is not { } caller)
        {
            throw new RpcException(StatusCode.Unauthenticated, "The credential is not valid.");
        }

        if (caller.Kind != kind)
        {
            throw new RpcException(StatusCode.PermissionDenied, $"Credential '{caller.Id}' is a {Describe(caller.Kind)} credential; this service is for {Describe(kind)} credentials.");
        }

        if (!caller.RateLimit.TryAcquire())
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Credential '{caller.Id}' is over its rate limit; retry shortly.");
        }

        return (caller, ReadOrigin(context, caller));
    }

    private static CallOrigin ReadOrigin(ServerCallContext context, Caller caller)
    {
        var violations = new List<FieldViolation>();
        string? clientIp = null;
        var ipHeader = context.RequestHeaders[ClientIpHeader].ToString();
        if (ipHeader.Length > 0)
        {
            if (System.Net.IPAddress.TryParse(ipHeader, out var address))
            {
                clientIp = address.ToString();
            }
            else
            {
                violations.Add(new(ClientIpHeader, "must be an IPv4 or IPv6 address"));
            }
        }

        var userAgent = context.RequestHeaders[UserAgentHeader].ToString();
        if (userAgent.Length > MaxUserAgentLength || userAgent.Any(char.IsControl))
        {
            violations.Add(new(UserAgentHeader, $"must be at most {MaxUserAgentLength} characters with no control characters"));
        }

        RpcException.ThrowIfInvalid(violations);
        return new CallOrigin(caller.Id, clientIp, userAgent.Length > 0 ? userAgent : null);
    }

    private static string Describe(CallerKind kind) => kind == CallerKind.Portal ? "portal" : "back-office";
}
