using System.Security.Cryptography;

namespace Sesame.Grains.Interfaces;

/// <summary>128 random bits written in base64url: session tokens and keypad ids.</summary>
public static class RandomToken
{
    public const int Length = 22;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsWellFormed(string token) => token.Length == Length && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
