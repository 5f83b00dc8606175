using System.Security.Cryptography;
using System.Text;

namespace Sesame.Frontend.Security;

/// <summary>
/// API keys are long random strings, so one SHA-256 is enough to store them safely (unlike member PINs, which need a
/// slow hash); configuration holds only this hash.
/// </summary>
public static class ApiKeyHash
{
    public static string Of(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static bool IsWellFormed(string keyHash) => keyHash.Length == 64 && keyHash.All(char.IsAsciiHexDigit);
}
