using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Hashing;

/// <summary>How PINs and passwords are hashed. Changing a value rehashes each secret at its next successful sign-in.</summary>
public sealed class SecretHashingOptions
{
    /// <summary>PBKDF2-SHA256 iterations. Default: 100,000 (about 60 ms per verification on one core here).</summary>
    [Range(100_000, 10_000_000)]
    public int Iterations { get; set; } = 100_000;

    /// <summary>Salt length in bytes, per secret. Default: 16 (128 bits).</summary>
    [Range(16, 64)]
    public int SaltSize { get; set; } = 16;

    /// <summary>
    /// Pepper keys by id, each base64 of at least 32 bytes. They live in configuration or a key vault, never in the
    /// store, so a stolen store alone cannot be brute-forced. Keep old keys while hashes made with them remain.
    /// </summary>
    public Dictionary<string, string> Peppers { get; set; } = [];

    /// <summary>The id of the pepper key new hashes use. Default: none; it must name one of <see cref="Peppers"/>.</summary>
    public string CurrentPepperId { get; set; } = string.Empty;

    /// <summary>
    /// The id of the pepper key that makes lookup keys (the keyed hash a NIR is found by). Unlike hashes, lookup keys
    /// cannot be redone at the next sign-in, so this key stays when <see cref="CurrentPepperId"/> moves on. Default:
    /// empty, meaning <see cref="CurrentPepperId"/>; set it before rotating.
    /// </summary>
    public string LookupPepperId { get; set; } = string.Empty;

    /// <summary>
    /// The key of the digests that grains are keyed by where their key would hold an identifier (<see cref="IGrainKeys"/>),
    /// base64 of at least 32 bytes. Held like the peppers but never rotated: every such grain is found by it. Default:
    /// none; required on durable storage, random per process in memory.
    /// </summary>
    public string GrainKeySecret { get; set; } = string.Empty;
}
