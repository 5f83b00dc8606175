using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Silo.Configuration;

internal sealed class ConfiguredTenantPolicies(IOptions<TenantsOptions> options) : ITenantPolicies
{
    public TenantPolicy? Find(string tenantId) => options.Value.GetValueOrDefault(tenantId);
}
