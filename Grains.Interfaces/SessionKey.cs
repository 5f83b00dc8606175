using System.Security.Cryptography;
using System.Text;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// The keys of <see cref="ISessionGrain"/>: <c>tenant/SHA-256(token)</c>. A token is a <see cref="RandomToken"/>,
/// 128 random bits, so one SHA-256 is enough to keep it out of the store.
/// </summary>
public static class SessionKey
{
    public static string For(string tenantId, string token) => $"{tenantId}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))}";
}
