using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Silo.Configuration;

/// <summary>
/// The key of the keyed hash (HMAC-SHA256) that stands in the log for <see cref="SesameDataClassifications.Correlatable"/>
/// values: the same value under the same key always gives the same hash, so an operator can follow it across events
/// without seeing it.
/// </summary>
public sealed class LogRedactionOptions
{
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The HMAC key, base64 of at least 32 bytes, the same on every silo so a value hashes alike in all their logs; held
    /// like the peppers. Default: none; required with durable storage, random per process in memory.
    /// </summary>
    public string HmacKey { get; set; } = string.Empty;

    /// <summary>
    /// Written before each hash (<c>KeyId:hash</c>), so hashes made under different keys are never compared: change it
    /// with the key. Default: 1; 0 marks the random key of an in-memory host.
    /// </summary>
    public int HmacKeyId { get; set; } = 1;
}
