using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sesame.Grains.Protection;

/// <summary>
/// AES-256-GCM. Values are written <c>$sesame-aesgcm$v=1$k=KEY_ID$BASE64(NONCE|CIPHERTEXT|TAG)</c>, with a random
/// 96-bit nonce each time and the purpose as associated data, so a value copied to another field does not open.
/// </summary>
internal sealed class AesGcmFieldProtector : IFieldProtector
{
    /// <summary>How every protected value starts, whatever its version.</summary>
    public const string FormatMarker = "$sesame-aesgcm$";

    private const string Prefix = FormatMarker + "v=1$k=";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> keys;
    private readonly string currentKeyId;

    public AesGcmFieldProtector(IOptions<FieldEncryptionOptions> options)
    {
        var value = options.Value;
        keys = value.Keys.ToDictionary(pair => pair.Key, pair => Convert.FromBase64String(pair.Value), StringComparer.Ordinal);
        currentKeyId = keys.ContainsKey(value.CurrentKeyId)
            ? value.CurrentKeyId
            : throw new InvalidOperationException($"Sesame:Encryption:CurrentKeyId '{value.CurrentKeyId}' names no key of Sesame:Encryption:Keys.");
    }

    public string Protect(string purpose, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[currentKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(purpose));
        return $"{Prefix}{currentKeyId}${Convert.ToBase64String(sealedBytes)}";
    }

    public byte[] Unprotect(string purpose, string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        var separator = protectedValue.IndexOf('$', Prefix.Length);
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal) || separator < 0)
        {
            throw new CryptographicException("The value is not in the protected-field format.");
        }

        var keyId = protectedValue[Prefix.Length..separator];
        if (!keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The value was sealed with encryption key '{keyId}', which is not configured (Sesame:Encryption:Keys:{keyId}).");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("The value is not in the protected-field format.", exception);
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The value is not in the protected-field format.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), plaintext, Encoding.UTF8.GetBytes(purpose));
        return plaintext;
    }
}
