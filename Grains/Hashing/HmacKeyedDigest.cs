using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sesame.Grains.Hashing;

/// <summary>Seals are written <c>PEPPER_ID$BASE64</c>, so they still match after the current pepper changes.</summary>
internal sealed class HmacKeyedDigest : IKeyedDigest
{
    private readonly Dictionary<string, byte[]> peppers;
    private readonly string currentPepperId;
    private readonly byte[] lookupPepper;

    public HmacKeyedDigest(IOptions<SecretHashingOptions> options)
    {
        var value = options.Value;
        peppers = value.Peppers.ToDictionary(pair => pair.Key, pair => Convert.FromBase64String(pair.Value), StringComparer.Ordinal);
        currentPepperId = value.CurrentPepperId;
        lookupPepper = peppers[value.LookupPepperId.Length > 0 ? value.LookupPepperId : currentPepperId];
    }

    public string Seal(string purpose, string value) => $"{currentPepperId}${Convert.ToBase64String(Digest(peppers[currentPepperId], purpose, value))}";

    public bool Matches(string seal, string purpose, string value)
    {
        var separator = seal.IndexOf('$', StringComparison.Ordinal);
        if (separator < 0 || !peppers.TryGetValue(seal[..separator], out var pepper))
        {
            return false;
        }

        var expected = new byte[32];
        return Convert.TryFromBase64String(seal[(separator + 1)..], expected, out var length)
            && length == expected.Length
            && CryptographicOperations.FixedTimeEquals(Digest(pepper, purpose, value), expected);
    }

    public string LookupKey(string purpose, string value) => Convert.ToHexStringLower(Digest(lookupPepper, purpose, value));

    private static byte[] Digest(byte[] pepper, string purpose, string value) => HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes($"{purpose}\0{value}"));
}
