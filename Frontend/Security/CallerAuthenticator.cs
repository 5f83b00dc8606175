using Grpc.Core;
using Sesame.Frontend.Grpc;
using Sesame.Frontend.Validation;
using Sesame.Grains.Interfaces;

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
    private const string AuthorizationHeader = "authorization";
    private const string BearerPrefix = "Bearer ";
    private const int MaxUserAgentLength = 512;

    public AuthenticatedCall Authenticate(Metadata headers, CallerKind kind)
    {
        var authorization = headers.GetValue(AuthorizationHeader) ?? string.Empty;
        if (authorization.Length == 0)
        {
            throw RpcErrors.Status(StatusCode.Unauthenticated, "No credential: send the API key as 'authorization: Bearer <key>'.");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || directory.FindByKey(authorization[BearerPrefix.Length..].Trim()) is not { } caller)
        {
            throw RpcErrors.Status(StatusCode.Unauthenticated, "The credential is not valid.");
        }

        if (caller.Kind != kind)
        {
            throw RpcErrors.Status(StatusCode.PermissionDenied, $"Credential '{caller.Id}' is a {Describe(caller.Kind)} credential; this service is for {Describe(kind)} credentials.");
        }

        if (!caller.RateLimit.TryAcquire())
        {
            throw RpcErrors.Status(StatusCode.ResourceExhausted, $"Credential '{caller.Id}' is over its rate limit; retry shortly.");
        }

        return new AuthenticatedCall(caller, ReadOrigin(headers, caller));
    }

    private static CallOrigin ReadOrigin(Metadata headers, Caller caller)
    {
        var violations = new List<FieldViolation>();
        string? clientIp = null;
        var ipHeader = headers.GetValue(ClientIpHeader) ?? string.Empty;
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

        var userAgent = headers.GetValue(UserAgentHeader) ?? string.Empty;
        if (userAgent.Length > MaxUserAgentLength || userAgent.Any(char.IsControl))
        {
            violations.Add(new(UserAgentHeader, $"must be at most {MaxUserAgentLength} characters with no control characters"));
        }

        RpcErrors.ThrowIfInvalid(violations);
        return new CallOrigin(caller.Id, clientIp, userAgent.Length > 0 ? userAgent : null);
    }

    private static string Describe(CallerKind kind) => kind == CallerKind.Portal ? "portal" : "back-office";
}
