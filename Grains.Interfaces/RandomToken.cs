using System.Buffers.Text;
using System.Security.Cryptography;

namespace Sesame.Grains.Interfaces;

/// <summary>Random bits written in base64url: session tokens, keypad and challenge ids (128 bits), challenge choices.</summary>
public static class RandomToken
{
    public const int Length = 22;

    /// <summary>128 random bits: <see cref="Length"/> characters.</summary>
    public static string New() => New(16);

    /// <summary><paramref name="bytes"/> random bytes, base64url without padding.</summary>
    public static string New(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    public static bool IsWellFormed(string token) => token.Length == Length && IsBase64Url(token);

    /// <summary>Whether every character is one of base64url's: A-Z, a-z, 0-9, '-' and '_'.</summary>
    public static bool IsBase64Url(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
