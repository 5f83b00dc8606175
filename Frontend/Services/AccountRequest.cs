using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Frontend.Services;

/// <summary>A call on one account that passed the edge: the account, who asked, and the tenant's policy.</summary>
internal sealed record AccountRequest(IMemberAccountGrain Account, CallOrigin Origin, TenantPolicy Policy)
{
    /// <summary>The identifier the call gave, normalized; the account's key is only its digest.</summary>
    public required string Identifier { get; init; }
}
