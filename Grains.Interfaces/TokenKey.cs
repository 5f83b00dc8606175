using System.Security.Cryptography;
using System.Text;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// The keys of grains found by a bearer token (sessions, activation flows): <c>tenant/SHA-256(token)</c>. A token is a
/// <see cref="RandomToken"/>, 128 random bits, so one SHA-256 is enough to keep it out of the store.
/// </summary>
public static class TokenKey
{
    public static string For(string tenantId, string token) => $"{tenantId}/{Digest(token)}";

    /// <summary>The token's SHA-256 in lower-case hex: what is stored to recognise it.</summary>
    public static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
