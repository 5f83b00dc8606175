using Microsoft.Extensions.Options;
using Sesame.Silo.Configuration;
using Sesame.Silo.Demo;

namespace Sesame.Silo.Hosting;

/// <summary>With the demo on and no tenant configured, the demo tenants are the configuration.</summary>
internal sealed class DemoTenantsSetup(IOptions<DemoOptions> demo) : IPostConfigureOptions<TenantsOptions>
{
    public void PostConfigure(string? name, TenantsOptions options)
    {
        if (options.Count == 0 && demo.Value.Enabled)
        {
            foreach (var (id, policy) in DemoData.Tenants)
            {
                options[id] = policy;
            }
        }
    }
}
