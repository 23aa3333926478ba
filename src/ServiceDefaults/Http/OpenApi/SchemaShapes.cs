using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>
/// Shapes a client generator reads right: an enum is a string enum without null; a nullable enum property is one
/// schema whose values include null (not oneOf [null, enum]); components nothing uses are dropped.
/// </summary>
static class SchemaShapes
{
    /// <summary>The nullable enums made here: their description is the enum's until the property's own is known.</summary>
    internal static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpenApiSchema, object> Flattened = new();

    static OpenApiSchema Also(this OpenApiSchema schema, Action<OpenApiSchema, object> add)
    {
        add(schema, true);
        return schema;
    }

    public static void Normalise(OpenApiDocument document)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var schema in components.Values.OfType<OpenApiSchema>().Where(s => s.Enum is { Count: > 0 }))
        {
            schema.Enum = [.. schema.Enum!.Where(v => v is not null)];
            schema.Type ??= JsonSchemaType.String;
            schema.Type &= ~JsonSchemaType.Null;
        }
        foreach (var schema in components.Values.OfType<OpenApiSchema>())
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (NullableEnum(property) is { } flat) schema.Properties![name] = flat;
    }

    /// <summary><c>oneOf [null, $ref enum]</c> as one nullable enum schema.</summary>
    static OpenApiSchema? NullableEnum(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema { OneOf: { Count: 2 } oneOf } nullable
            || !oneOf.Any(s => s.Type == JsonSchemaType.Null)
            || oneOf.OfType<OpenApiSchemaReference>().FirstOrDefault()?.Target is not { Enum: { Count: > 0 } values } target)
            return null;
        return new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Enum = [.. values.Where(v => v is not null), null!],
            Description = nullable.Description ?? target.Description,
        }.Also(Flattened.Add);
    }

    /// <summary>
    /// A request body's property documented as required ("必填 / required") is not nullable: the server refuses null there
    /// (400 validation naming it), so a client's type must not offer it. The records keep <c>string?</c> so that a missing
    /// field is answered with that problem rather than a deserialisation error.
    /// </summary>
    public static void RequiredIsNotNull(OpenApiDocument document)
    {
        var bodies = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .Select(c => c.Schema).OfType<OpenApiSchemaReference>().Select(r => r.Reference.Id).OfType<string>().ToHashSet();
        foreach (var name in bodies)
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var found) && found is OpenApiSchema { Properties: { } properties } body)
                foreach (var (property, schema) in properties)
                    if (schema is OpenApiSchema { Type: { } type, Enum: null or { Count: 0 } } concrete && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null
                        && body.Required?.Contains(property) == true
                        && concrete.Description is { } description && description.Contains("(required", StringComparison.Ordinal))
                        concrete.Type = type & ~JsonSchemaType.Null;
    }

    /// <summary>Drops component schemas that no operation or other schema refers to (after the shapes above).</summary>
    public static void RemoveUnused(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas) return;
        while (true)
        {
            using var text = new StringWriter();
            document.SerializeAsV31(new OpenApiJsonWriter(text));
            var json = text.ToString();
            var unused = schemas.Keys.Where(name => !json.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0) return;
            foreach (var name in unused) schemas.Remove(name);
        }
    }
}
