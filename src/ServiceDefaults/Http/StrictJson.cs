using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// The JSON the public API reads is strict: a key given twice and an enum name in another case or with spaces around
/// it are refused (400 naming the field), not quietly taken. Strings holding control characters are refused before
/// the body is read (<see cref="ControlCharacters"/>), which leaves the strings' schemas in the OpenAPI document intact.
/// </summary>
public static class StrictJson
{
    /// <summary>Makes <paramref name="options"/> strict; what they write does not change.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new StrictEnumConverterFactory());
    }

    /// <summary>The JSON name of an enum value: its name in camelCase.</summary>
    public static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>An enum by its exact camelCase name only: no other case, no spaces, no numbers.</summary>
    sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetNames<TEnum>()
            .ToFrozenDictionary(n => JsonNamingPolicy.CamelCase.ConvertName(n), Enum.Parse<TEnum>);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? ReadAsPropertyName(ref reader, typeToConvert, options)
                : throw new JsonException($"Expected one of: {string.Join(", ", ByName.Keys)}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(NameOf(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value
                : throw new JsonException($"Expected one of: {string.Join(", ", ByName.Keys)}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(NameOf(value));
    }
}
