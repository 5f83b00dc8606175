using System.Security.Cryptography;
using System.Text;

namespace Sesame.Grains.Interfaces;

/// <summary>
/// Session tokens and the keys of <see cref="ISessionGrain"/>: <c>tenant/SHA-256(token)</c>. A token is 128 random
/// bits in base64url, so one SHA-256 is enough to keep it out of the store.
/// </summary>
public static class SessionKey
{
    public const int TokenLength = 22;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string token) => token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string For(string tenantId, string token) => $"{tenantId}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)))}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
