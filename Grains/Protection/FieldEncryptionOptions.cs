namespace Sesame.Grains.Protection;

/// <summary>The AES-256-GCM keys that encrypt personal data in grain state (<see cref="IFieldProtector"/>).</summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>The length of every key, in bytes (AES-256).</summary>
    public const int KeySize = 32;

    /// <summary>
    /// Keys by id, each base64 of exactly 32 bytes. Held like the peppers (configuration or a key vault, never the
    /// store); keep an old key while values sealed with it remain. Default: none.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The id of the key new values are sealed with. Default: none; it must name one of <see cref="Keys"/>.</summary>
    public string CurrentKeyId { get; set; } = string.Empty;
}
