using System.Text.Json;

namespace ServiceManufacturing.Tests.TestSupport.Hostile;

/// <summary>A parameter of an operation, as the OpenAPI document describes it.</summary>
public sealed record ApiParameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of a service's OpenAPI document: what the hostile requests are generated from.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyType, JsonElement? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of <paramref name="document"/> (the service's /openapi/v1.json).</summary>
    public static IReadOnlyList<ApiOperation> AllOf(JsonDocument document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? schema : default)).ToList()
                    : [];
                string? bodyType = null;
                JsonElement? bodySchema = null;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                    foreach (var type in content.EnumerateObject().Take(1))
                    {
                        bodyType = type.Name;
                        bodySchema = type.Value.TryGetProperty("schema", out var schema) ? schema : null;
                    }
                operations.Add(new(operation.Name.ToUpperInvariant(), path.Name, parameters, bodyType, bodySchema));
            }
        return operations;
    }
}
