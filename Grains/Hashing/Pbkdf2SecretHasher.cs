using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sesame.Grains.Telemetry;

namespace Sesame.Grains.Hashing;

/// <summary>
/// PBKDF2-SHA256 over an HMAC-SHA256 of the secret keyed by a pepper. Hashes are written as
/// <c>$sesame-pbkdf2-sha256$v=1$i=ITERATIONS,k=PEPPER_ID$SALT$HASH</c> (base64), so parameters and keys can change
/// while old hashes still verify.
/// </summary>
internal sealed class Pbkdf2SecretHasher : ISecretHasher
{
    private const string Prefix = "$sesame-pbkdf2-sha256$v=1$";
    private const int HashSize = 32;

    private readonly SecretHashingOptions options;
    private readonly Dictionary<string, byte[]> peppers;
    private readonly Lazy<string> dummyHash;

    public Pbkdf2SecretHasher(IOptions<SecretHashingOptions> options)
    {
        this.options = options.Value;
        peppers = this.options.Peppers.ToDictionary(pair => pair.Key, pair => Convert.FromBase64String(pair.Value), StringComparer.Ordinal);
        if (!peppers.ContainsKey(this.options.CurrentPepperId))
        {
            throw new InvalidOperationException($"The current pepper id '{this.options.CurrentPepperId}' names no configured pepper.");
        }

        dummyHash = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    public string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(options.SaltSize);
        var derived = Derive(secret, salt, options.Iterations, peppers[options.CurrentPepperId]);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}i={options.Iterations},k={options.CurrentPepperId}${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}");
    }

    public SecretVerificationResult Verify(string hash, string secret)
    {
        if (!TryParse(hash, out var iterations, out var pepperId, out var salt, out var expected) || !peppers.TryGetValue(pepperId, out var pepper))
        {
            return SecretVerificationResult.Failed;
        }

        var actual = Derive(secret, salt, iterations, pepper);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return SecretVerificationResult.Failed;
        }

        return iterations != options.Iterations || pepperId != options.CurrentPepperId || salt.Length != options.SaltSize
            ? SecretVerificationResult.SuccessRehashNeeded
            : SecretVerificationResult.Success;
    }

    public SecretVerificationResult VerifyDummy(string secret)
    {
        Verify(dummyHash.Value, secret);
        return SecretVerificationResult.Failed;
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations, byte[] pepper)
    {
        using var activity = SesameActivities.Source.StartActivity("pbkdf2");
        activity?.SetTag("sesame.hash.iterations", iterations);
        var peppered = HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(secret));
        return Rfc2898DeriveBytes.Pbkdf2(peppered, salt, iterations, HashAlgorithmName.SHA256, HashSize);
    }

    private static bool TryParse(string hash, out int iterations, out string pepperId, out byte[] salt, out byte[] expected)
    {
        iterations = 0;
        pepperId = string.Empty;
        salt = expected = [];
        if (!hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = hash[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        var parameters = parts[0].Split(',');
        if (parameters.Length != 2
            || !parameters[0].StartsWith("i=", StringComparison.Ordinal)
            || !int.TryParse(parameters[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations <= 0
            || !parameters[1].StartsWith("k=", StringComparison.Ordinal))
        {
            return false;
        }

        pepperId = parameters[1][2..];
        try
        {
            salt = Convert.FromBase64String(parts[1]);
            expected = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return expected.Length == HashSize;
    }
}
