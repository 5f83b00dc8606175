using Orleans.Concurrency;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Grains;

/// <summary>Computes the keys that identifiers and NIRs lead to; stateless, so every silo answers from a local activation.</summary>
[GrainType("member-locator")]
[StatelessWorker]
[Reentrant]
internal sealed class MemberLocatorGrain(IGrainKeys keys, IKeyedDigest digest, ITenantPolicies tenants) : Grain, IMemberLocatorGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public Task<string> AccountKeyAsync(string identifier, CancellationToken cancellationToken) => Task.FromResult(keys.Account(Tenant, identifier));

    public async Task<string> SignInAccountKeyAsync(string identifier, CancellationToken cancellationToken)
    {
        var policy = tenants.Find(Tenant) ?? throw new InvalidOperationException($"Tenant '{Tenant}' is not configured; the edge checks it first.");
        if (policy.Identifier != IdentifierKind.ChosenIdentifier)
        {
            return keys.Account(Tenant, identifier);
        }

        return await GrainFactory.GetGrain<IIdentifierAliasGrain>(keys.Alias(Tenant, identifier)).FindAccountAsync(cancellationToken)
            ?? keys.UnclaimedAccount(Tenant, identifier);
    }

    public Task<IReadOnlyList<string>> AccountsSharingNirAsync(string nir, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<IMemberDirectoryGrain>(MemberAccountKey.For(Tenant, digest.LookupKey(Nir.LookupPurpose, nir))).ListAsync(cancellationToken);
}
