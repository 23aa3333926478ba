using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// Enums are read by <see cref="StrictJson"/>'s own converter, whose schema the document generator cannot see:
/// each enum's schema lists its exact JSON names, as the framework's string enum converter would have.
/// </summary>
static class OpenApiEnums
{
    public static OpenApiOptions AddEnumNames(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!type.IsEnum) return Task.CompletedTask;
        schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n))!)];
        if (nullable) schema.Enum.Add(null!);
        return Task.CompletedTask;
    });
}
