using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sesame.Grains.Protection;

/// <summary>
/// Writes a value as its JSON sealed by the <see cref="IFieldProtector"/> for <paramref name="purpose"/>. A value
/// stored before encryption (plain JSON) is still read, and is sealed at the grain's next write.
/// </summary>
internal sealed class ProtectedJsonConverter<T>(IFieldProtector protector, string purpose) : JsonConverter<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !IsProtected(reader.GetString()))
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(purpose, reader.GetString()!), options);
        }
        catch (CryptographicException exception)
        {
            throw new JsonException($"{purpose} cannot be decrypted: {exception.Message}", exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(protector.Protect(purpose, JsonSerializer.SerializeToUtf8Bytes(value, options)));
    }

    private static bool IsProtected(string? value) => value?.StartsWith(AesGcmFieldProtector.FormatMarker, StringComparison.Ordinal) == true;
}
