namespace Sesame.Grains.Hashing;

/// <summary>Hashes and verifies PINs and passwords.</summary>
public interface ISecretHasher
{
    /// <summary>Hashes a secret with a new salt and the current pepper, in the versioned text format.</summary>
    string Hash(string secret);

    /// <summary>Checks a secret against a stored hash in fixed time.</summary>
    SecretVerificationResult Verify(string hash, string secret);

    /// <summary>Does the work of <see cref="Verify"/> against a hash no secret matches, for identifiers that have no account.</summary>
    SecretVerificationResult VerifyDummy(string secret);
}
