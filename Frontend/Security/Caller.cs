using Grpc.Core;
using Sesame.Frontend.Grpc;

namespace Sesame.Frontend.Security;

/// <summary>An authenticated portal or back office.</summary>
internal sealed class Caller(string id, CallerKind kind, IReadOnlySet<string> tenants, TokenBucket rateLimit)
{
    public string Id { get; } = id;

    public CallerKind Kind { get; } = kind;

    public IReadOnlySet<string> Tenants { get; } = tenants;

    public TokenBucket RateLimit { get; } = rateLimit;

    /// <summary>Throws PERMISSION_DENIED unless this caller may act on <paramref name="tenant"/>.</summary>
    public void EnsureTenant(string tenant)
    {
        if (!Tenants.Contains(tenant))
        {
            throw RpcErrors.Status(StatusCode.PermissionDenied, $"Credential '{Id}' may not act on tenant '{tenant}'.");
        }
    }
}
