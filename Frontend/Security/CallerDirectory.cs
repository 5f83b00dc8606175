using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Sesame.Frontend.Security;

/// <summary>Every configured credential, by the hash of its key.</summary>
internal sealed class CallerDirectory
{
    private readonly FrozenDictionary<string, Caller> byKeyHash;

    public CallerDirectory(IOptions<PortalsOptions> portals, IOptions<BackOfficesOptions> backOffices, TimeProvider time)
    {
        var portalCallers = portals.Value.Select(pair => (pair.Value.KeyHash, Caller: new Caller(
            pair.Key, CallerKind.Portal, new HashSet<string>([pair.Value.Tenant], StringComparer.Ordinal), new TokenBucket(pair.Value.RateLimit, time))));
        var backOfficeCallers = backOffices.Value.Select(pair => (pair.Value.KeyHash, Caller: new Caller(
            pair.Key, CallerKind.BackOffice, pair.Value.Tenants.ToHashSet(StringComparer.Ordinal), new TokenBucket(pair.Value.RateLimit, time))));
        byKeyHash = portalCallers.Concat(backOfficeCallers)
            .ToFrozenDictionary(entry => entry.KeyHash.ToLowerInvariant(), entry => entry.Caller, StringComparer.Ordinal);
    }

    public Caller? FindByKey(string apiKey) => byKeyHash.GetValueOrDefault(ApiKeyHash.Of(apiKey));
}
