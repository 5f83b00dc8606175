namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>The configured tenants and their policies.</summary>
public interface ITenantPolicies
{
    /// <summary>The policy of <paramref name="tenantId"/>, or null if no such tenant is configured.</summary>
    TenantPolicy? Find(string tenantId);
}
