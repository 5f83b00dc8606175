using Sesame.Grains.Hashing;

namespace Sesame.Grains.Tests.Hashing;

/// <summary>Counts the secrets checked, each one a guess an attacker got to make.</summary>
internal sealed class CountingSecretHasher(ISecretHasher inner) : ISecretHasher
{
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string Hash(string secret) => inner.Hash(secret);

    public SecretVerificationResult Verify(string hash, string secret)
    {
        Interlocked.Increment(ref verifications);
        return inner.Verify(hash, secret);
    }

    public SecretVerificationResult VerifyDummy(string secret)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyDummy(secret);
    }
}
