namespace Sesame.Grains.Interfaces;

/// <summary>Builds and splits the keys of <see cref="IMemberAccountGrain"/>: <c>tenant/identifier</c>.</summary>
public static class MemberAccountKey
{
    public static string For(string tenantId, string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return $"{tenantId}/{identifier}";
    }

    /// <summary>
    /// Where a chosen identifier that no account holds leads, so that it answers like an account with an unknown
    /// secret. The space in it keeps it apart from every account: no identifier kind allows a space.
    /// </summary>
    public static string ForUnclaimed(string tenantId, string chosenIdentifier) => For(tenantId, $" {chosenIdentifier}");

    public static string IdentifierOf(string key) => key[(TenantOf(key).Length + 1)..];

    public static string TenantOf(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator > 0 ? key[..separator] : throw new ArgumentException($"'{key}' is not a member account key.", nameof(key));
    }
}
