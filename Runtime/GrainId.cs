using System.Security.Cryptography;
using System.Text;

namespace Sesame.Runtime;

/// <summary>Identifies a grain: its type name and its string key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    private static readonly byte[] RedactionKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// A form safe for logs. Keys may hold personal identifiers (a NIR is an account identifier for some tenants),
    /// so only the first key segment (the tenant) is shown and the rest is replaced by a keyed hash that is stable
    /// within this process and meaningless outside it.
    /// </summary>
    public override string ToString()
    {
        var separator = Key.IndexOf('/', StringComparison.Ordinal);
        var visible = separator < 0 ? string.Empty : Key[..(separator + 1)];
        var hidden = separator < 0 ? Key : Key[(separator + 1)..];
        var digest = HMACSHA256.HashData(RedactionKey, Encoding.UTF8.GetBytes(hidden));
        return $"{Type}/{visible}#{Convert.ToHexStringLower(digest, 0, 4)}";
    }
}
