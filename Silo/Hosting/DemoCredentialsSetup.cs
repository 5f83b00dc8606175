using Microsoft.Extensions.Options;
using Sesame.Frontend.Security;
using Sesame.Silo.Configuration;
using Sesame.Silo.Demo;

namespace Sesame.Silo.Hosting;

/// <summary>
/// With the demo on, in-memory storage and no credential configured, every tenant gets a demo portal key and one
/// demo back office administers them all.
/// </summary>
internal sealed class DemoCredentialsSetup(IOptions<DemoOptions> demo, IOptions<StorageOptions> storage, IOptions<TenantsOptions> tenants)
    : IPostConfigureOptions<PortalsOptions>, IPostConfigureOptions<BackOfficesOptions>
{
    private bool Applies => demo.Value.Enabled && storage.Value.Provider == StorageProvider.Memory;

    public void PostConfigure(string? name, PortalsOptions options)
    {
        if (Applies && options.Count == 0)
        {
            foreach (var tenant in tenants.Value.Keys)
            {
                options[DemoCredentials.PortalId(tenant)] = new PortalCredentialOptions { Tenant = tenant, KeyHash = ApiKeyHash.Of(DemoCredentials.PortalKey(tenant)) };
            }
        }
    }

    public void PostConfigure(string? name, BackOfficesOptions options)
    {
        if (Applies && options.Count == 0)
        {
            options[DemoCredentials.BackOfficeId] = new BackOfficeCredentialOptions { Tenants = [.. tenants.Value.Keys], KeyHash = ApiKeyHash.Of(DemoCredentials.BackOfficeKey) };
        }
    }
}
