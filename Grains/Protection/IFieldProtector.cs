namespace Sesame.Grains.Protection;

/// <summary>
/// Encrypts the personal data kept in grain state (contacts, postal addresses, identifiers, whatever bears a NIR), so
/// that a copy of the store alone reads none of it. Each value names the key it was sealed with, so keys rotate.
/// </summary>
public interface IFieldProtector
{
    /// <summary>Seals <paramref name="plaintext"/> with the current key, bound to <paramref name="purpose"/>; a new nonce each time.</summary>
    string Protect(string purpose, ReadOnlySpan<byte> plaintext);

    /// <summary>
    /// Opens a value <see cref="Protect"/> sealed for the same <paramref name="purpose"/>. Throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/> if it was altered, was sealed for another
    /// purpose, or names a key that is not configured.
    /// </summary>
    byte[] Unprotect(string purpose, string protectedValue);
}
