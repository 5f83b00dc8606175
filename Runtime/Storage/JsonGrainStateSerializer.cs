using System.Text.Json;

namespace Sesame.Runtime.Storage;

/// <summary>Grain state as UTF-8 JSON under the given settings (by default, <see cref="JsonSerializerDefaults.General"/>).</summary>
public sealed class JsonGrainStateSerializer(JsonSerializerOptions options) : IGrainStateSerializer
{
    public JsonGrainStateSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.General))
    {
    }

    public byte[] Serialize<TState>(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, options);

    public TState? Deserialize<TState>(ReadOnlySpan<byte> data) => JsonSerializer.Deserialize<TState>(data, options);
}
