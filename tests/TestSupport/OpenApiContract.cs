using System.Text.Json.Nodes;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// The rules a front-end team relies on, checked for every operation and schema of a service's served document, so
/// that an endpoint added later follows them or fails here. Each check returns what breaks it, one line each.
/// </summary>
public sealed class OpenApiContract(JsonObject document)
{
    public static async Task<OpenApiContract> ServedByAsync<TProgram>(ServiceFactory<TProgram> app) where TProgram : class =>
        new(JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject());

    /// <summary>Parameters and fields that take a closed set of values.</summary>
    static readonly string[] ClosedParameters = ["status", "category", "class", "serviceMode", "warning", "sort", "kind", "role"];
    static readonly string[] ClosedFields = ["class", "serviceMode", "decision", "warnings", "kind", "role", "status", "category"];

    JsonObject Schemas => document["components"]?["schemas"]?.AsObject() ?? [];

    IEnumerable<(string Name, JsonObject Operation)> Operations =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Key is "get" or "put" or "post" or "delete" or "patch"
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    static IEnumerable<(string Status, JsonObject Response)> Responses(JsonObject operation) =>
        operation["responses"]!.AsObject().Select(r => (r.Key, r.Value!.AsObject()));

    JsonObject? Resolve(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? Schemas[reference.Split('/')[^1]]?.AsObject() : schema?.AsObject();

    public static void AssertNone(IEnumerable<string> violations, string rule)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, $"{rule}:{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }

    /// <summary>Every 4xx/5xx is application/problem+json of the one problem schema; 401 and 403 included.</summary>
    public IEnumerable<string> ErrorsThatAreNotProblems() =>
        from operation in Operations
        from response in Responses(operation.Operation)
        where int.Parse(response.Status) >= 400
        let schema = response.Response["content"]?["application/problem+json"]?["schema"]
        where schema is null || !(schema["$ref"]?.GetValue<string>() == "#/components/schemas/Problem"
            || schema["allOf"]?.AsArray().Any(s => s?["$ref"]?.GetValue<string>() == "#/components/schemas/Problem") == true)
        select $"{operation.Name} {response.Status}";

    /// <summary>The problem schema has exactly the members the services write.</summary>
    public IEnumerable<string> ProblemSchemaGaps()
    {
        var problem = Schemas["Problem"]?.AsObject();
        if (problem is null) { yield return "no Problem schema"; yield break; }
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "code", "titleZh", "traceId", "errors" })
            if (problem["properties"]?[member] is null) yield return $"Problem lacks {member}";
        if (problem["properties"]?["errors"]?["additionalProperties"]?["items"]?["type"]?.GetValue<string>() != "string")
            yield return "Problem.errors is not a map of field to string[]";
    }

    /// <summary>412 ⇔ If-Match; a 412 carries the resource in <c>current</c>; ETag on every answer of a versioned resource.</summary>
    public IEnumerable<string> ConcurrencyGaps()
    {
        foreach (var (name, operation) in Operations)
        {
            var ifMatch = operation["parameters"]?.AsArray().Any(p => p?["name"]?.GetValue<string>() == "If-Match" && p["in"]?.GetValue<string>() == "header") == true;
            var responses = Responses(operation).ToDictionary(r => r.Status, r => r.Response);
            if (responses.ContainsKey("412") != ifMatch) yield return $"{name}: 412 without If-Match or If-Match without 412";
            if (responses.TryGetValue("412", out var stale)
                && stale["content"]?["application/problem+json"]?["schema"]?["allOf"]?.AsArray().Any(s => s?["properties"]?["current"] is not null) != true)
                yield return $"{name}: 412 without current";
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')))
            {
                var body = Resolve(response["content"]?["application/json"]?["schema"]);
                if (body?["properties"]?["version"] is not null && response["headers"]?["ETag"] is null)
                    yield return $"{name} {status}: a versioned resource without the ETag header";
            }
        }
    }

    /// <summary>Numbers are numbers; a nullable enum is one enum schema.</summary>
    public IEnumerable<string> LooseTypes()
    {
        foreach (var (path, schema) in AllSchemas(document, "#"))
        {
            if (schema["type"] is JsonArray types)
            {
                var names = types.Select(t => t!.GetValue<string>()).ToList();
                if (names.Contains("string") && (names.Contains("integer") || names.Contains("number")))
                    yield return $"{path}: {string.Join(" | ", names)}";
            }
            if ((schema["type"]?.ToJsonString().Contains("integer") == true || schema["type"]?.ToJsonString().Contains("number") == true)
                && schema["pattern"] is not null)
                yield return $"{path}: a number with a pattern";
            if (schema["oneOf"] is JsonArray oneOf && oneOf.Any(s => s?["type"]?.ToString() == "null")
                && oneOf.Any(s => Resolve(s)?["enum"] is not null))
                yield return $"{path}: oneOf [null, enum] (make it one nullable enum)";
            if (schema["enum"] is JsonArray values && values.Any(v => v is null) && schema["type"]?.ToJsonString().Contains("null") != true)
                yield return $"{path}: an enum with null that is not nullable";
        }
    }

    /// <summary>Every property of every schema says what it is.</summary>
    public IEnumerable<string> UndescribedProperties() =>
        from schema in Schemas
        from property in schema.Value?["properties"]?.AsObject() ?? []
        where string.IsNullOrWhiteSpace(property.Value?["description"]?.GetValue<string>())
        select $"{schema.Key}.{property.Key}";

    /// <summary>Filters, sorts and kinds, and the fields that name one of a set, are enums.</summary>
    public IEnumerable<string> OpenStrings()
    {
        foreach (var (name, operation) in Operations)
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                if (ClosedParameters.Contains(parameter?["name"]?.GetValue<string>()) && Resolve(parameter!["schema"])?["enum"] is null)
                    yield return $"{name}: parameter {parameter!["name"]}";
        foreach (var schema in Schemas)
            foreach (var property in schema.Value?["properties"]?.AsObject() ?? [])
            {
                if (!ClosedFields.Contains(property.Key)) continue;
                var target = Resolve(property.Value);
                if (target?["items"] is { } items) target = Resolve(items);
                if (target?["enum"] is null && target?["type"]?.ToJsonString().Contains("string") == true)
                    yield return $"{schema.Key}.{property.Key}";
            }
    }

    /// <summary>Files are binary, with the name in Content-Disposition; uploads declare their body.</summary>
    public IEnumerable<string> FileGaps()
    {
        foreach (var (name, operation) in Operations)
        {
            foreach (var (status, response) in Responses(operation).Where(r => r.Status.StartsWith('2')))
                foreach (var content in response["content"]?.AsObject() ?? [])
                {
                    if (content.Key.Contains("json")) continue;
                    if (content.Value?["schema"]?["format"]?.GetValue<string>() != "binary")
                        yield return $"{name} {status} {content.Key}: not format binary";
                    if (response["headers"]?["Content-Disposition"] is null)
                        yield return $"{name} {status}: no Content-Disposition";
                }
            if (operation["operationId"]?.GetValue<string>().StartsWith("Download") == true
                && Responses(operation).Where(r => r.Status.StartsWith('2')).All(r => r.Response["content"] is null))
                yield return $"{name}: a download that declares no content";
            if (operation["operationId"]?.GetValue<string>().StartsWith("Upload") == true
                && operation["requestBody"]?["content"]?.AsObject().Any(c => c.Value?["schema"]?["format"]?.GetValue<string>() == "binary") != true)
                yield return $"{name}: an upload without a binary request body";
        }
    }

    /// <summary>Named, summarised, and served from the gateway.</summary>
    public IEnumerable<string> Unnamed()
    {
        if (document["servers"] is not JsonArray { Count: > 0 }) yield return "no servers";
        foreach (var (name, operation) in Operations)
        {
            if (operation["operationId"] is null) yield return $"{name}: no operationId";
            if (operation["summary"] is null) yield return $"{name}: no summary";
        }
    }

    /// <summary>Every code the service's rules define is one of the Problem schema's <c>code</c> values.</summary>
    public IEnumerable<string> UndeclaredCodes(IEnumerable<string> codes)
    {
        var declared = Schemas["Problem"]?["properties"]?["code"]?["enum"]?.AsArray().Select(v => v?.GetValue<string>()).ToHashSet() ?? [];
        return codes.Where(c => !declared.Contains(c)).Select(c => $"Problem.code lacks {c}");
    }

    /// <summary>
    /// A "not yet" answer (Retry-After on anything but 429 and 503) belongs to an operation that says it lags, and an
    /// operation that says it answers campaign-not-yet-known declares that answer's Retry-After.
    /// </summary>
    public IEnumerable<string> UndeclaredLags()
    {
        foreach (var (name, operation) in Operations)
        {
            var description = operation["description"]?.GetValue<string>() ?? "";
            foreach (var (status, response) in Responses(operation).Where(r => r.Status is not ("429" or "503")))
                if (response["headers"]?["Retry-After"] is not null && !description.Contains("Eventually consistent"))
                    yield return $"{name} {status}: Retry-After on an operation that does not say it lags (WithLag)";
            if (description.Contains("campaign-not-yet-known") && Responses(operation).FirstOrDefault(r => r.Status == "409").Response?["headers"]?["Retry-After"] is null)
                yield return $"{name}: lags with campaign-not-yet-known but declares no 409 with Retry-After (WithLag)";
        }
    }

    /// <summary>Every parameter says what it means.</summary>
    public IEnumerable<string> UndescribedParameters() =>
        from operation in Operations
        from parameter in operation.Operation["parameters"]?.AsArray() ?? []
        where string.IsNullOrWhiteSpace(parameter?["description"]?.GetValue<string>())
        select $"{operation.Name}: {parameter!["in"]} parameter {parameter["name"]}";

    /// <summary>Where two JSON documents differ, as JSON paths (member order aside).</summary>
    public static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    if (!e.ContainsKey(key)) yield return $"{path}/{key}: only in the served document";
                    else if (!a.ContainsKey(key)) yield return $"{path}/{key}: only in the committed document";
                    else foreach (var d in Differences(e[key], a[key], $"{path}/{key}")) yield return d;
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                    foreach (var d in Differences(e[i], a[i], $"{path}/{i}")) yield return d;
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    yield return $"{path}: committed {Short(expected)}, served {Short(actual)}";
                break;
        }
    }

    static string Short(JsonNode? node) => node?.ToJsonString() is { } json ? (json.Length > 120 ? json[..120] + "…" : json) : "null";

    static IEnumerable<(string Path, JsonObject Schema)> AllSchemas(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey("type") || o.ContainsKey("oneOf") || o.ContainsKey("enum")) yield return (path, o);
                foreach (var child in o)
                    foreach (var found in AllSchemas(child.Value, $"{path}/{child.Key}")) yield return found;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in AllSchemas(a[i], $"{path}/{i}")) yield return found;
                break;
        }
    }
}
