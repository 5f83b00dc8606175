namespace Sesame.Grains.Hashing;

/// <summary>The outcome of checking a secret against its stored hash.</summary>
public enum SecretVerificationResult
{
    Failed = 0,
    Success = 1,

    /// <summary>The secret matched, but the hash uses older parameters or pepper: store a fresh hash.</summary>
    SuccessRehashNeeded = 2,
}
