using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sesame.Grains.Protection;

/// <summary>
/// The JSON settings of grain state: every property marked <see cref="PersonalDataAttribute"/> is written as its own
/// JSON sealed by the <see cref="IFieldProtector"/>, bound to its type and name; nulls stay null.
/// </summary>
internal static class PersonalDataJson
{
    public static JsonSerializerOptions Options(IFieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(typeInfo => Protect(typeInfo, protector));
        return new JsonSerializerOptions(JsonSerializerDefaults.General) { TypeInfoResolver = resolver };
    }

    private static void Protect(JsonTypeInfo typeInfo, IFieldProtector protector)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), inherit: false) == true)
            {
                var converterType = typeof(ProtectedJsonConverter<>).MakeGenericType(property.PropertyType);
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converterType, protector, $"{typeInfo.Type.Name}.{property.Name}")!;
            }
        }
    }
}
