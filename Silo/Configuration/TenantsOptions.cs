using Sesame.Grains.Interfaces.Tenants;

namespace Sesame.Silo.Configuration;

/// <summary>The tenants, by id (<c>Sesame:Tenants:{id}</c>). Default: none, which means the demo tenants when the demo is on.</summary>
public sealed class TenantsOptions : Dictionary<string, TenantPolicy>;
