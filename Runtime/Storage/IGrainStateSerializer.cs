namespace Sesame.Runtime.Storage;

/// <summary>Turns grain state into the bytes a storage provider keeps, and back.</summary>
public interface IGrainStateSerializer
{
    byte[] Serialize<TState>(TState state);

    /// <summary>Reads stored bytes; throws <see cref="System.Text.Json.JsonException"/> if they cannot be read.</summary>
    TState? Deserialize<TState>(ReadOnlySpan<byte> data);
}
