using System.Text.Json;
using Orleans.Storage;

namespace Sesame.Grains.Protection;

/// <summary>
/// How every grain storage writes state: JSON with each <see cref="PersonalDataAttribute"/> property sealed by the
/// <see cref="IFieldProtector"/> (<see cref="PersonalDataJson"/>).
/// </summary>
internal sealed class PersonalDataStorageSerializer(IFieldProtector protector) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions options = PersonalDataJson.Options(protector);

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
