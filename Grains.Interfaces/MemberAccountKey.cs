namespace Sesame.Grains.Interfaces;

/// <summary>Builds and splits the keys of grains that belong to a tenant: <c>tenant/digest</c>, never an identifier in clear.</summary>
public static class MemberAccountKey
{
    public static string For(string tenantId, string digest)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(digest);
        return $"{tenantId}/{digest}";
    }

    public static string TenantOf(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator > 0 ? key[..separator] : throw new ArgumentException($"'{key}' is not a member account key.", nameof(key));
    }
}
