using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Tests.TestSupport.Hostile;

/// <summary>
/// Generates requests for the operations of one OpenAPI document: a body that follows the schema, then one attack on
/// it, its parameters or its headers (or none); the caller is each role in turn, or no one. Ids come from what the
/// service has answered so far (other users' resources) or are made up.
/// </summary>
public sealed class RequestGenerator(JsonDocument document, Random random, IReadOnlyDictionary<string, string[]> hints)
{
    static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly string[] BodyAttacks =
        ["none", "string", "string", "wrong-type", "number", "date", "enum", "unknown-field", "duplicate-key", "malformed", "content-type", "null-field"];

    /// <summary>Ids the service has shown (its resources, some of them other users').</summary>
    public List<string> KnownIds { get; } = [];

    /// <summary>Who calls: no one, then each role, including a second applicant and other authorities.</summary>
    public static IReadOnlyList<CurrentUser?> Callers { get; } =
        [null, .. TestUsers.OneOfEachRole, TestUsers.OtherApplicant, TestUsers.HebeiOfficer, TestUsers.DalianOfficer];

    public HostileRequest Next(ApiOperation operation, CurrentUser? caller)
    {
        var attack = operation.BodySchema is not null || operation.BodyType is not null
            ? Pick(BodyAttacks)
            : Pick(["none", "none", "raw-body", "content-type"]);
        var target = random.Next(4) == 0 ? ("parameter", Target(operation, hostile: true)) : ("", Target(operation, hostile: false));
        var headers = new Dictionary<string, string>();
        if (operation.Method is "PUT" or "POST" && random.Next(5) == 0) headers["If-Match"] = Pick(HostileValues.IfMatch);
        if (random.Next(40) == 0) headers["Accept"] = Pick(["application/xml", "*/*;q=abc", "text/html"]);
        var (contentType, body) = Body(operation, attack);
        var attacks = string.Join(", ", new[] { target.Item1, attack == "none" ? "" : attack, headers.Count > 0 ? "headers" : "" }.Where(a => a.Length > 0));
        return new(operation.Method, target.Item2, contentType, body, caller, attacks.Length > 0 ? attacks : "none", headers);
    }

    string Target(ApiOperation operation, bool hostile)
    {
        var hostileName = hostile ? Pick(operation.Parameters.Select(p => p.Name).Append("").ToArray()) : null;
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var value = parameter.Name == hostileName ? Pick(HostileValues.Raw)
                : IsDate(parameter.Schema) && random.Next(2) == 0 ? Uri.EscapeDataString(Pick(HostileValues.Dates))
                : Uri.EscapeDataString(ValueFor(parameter.Schema, parameter.Name));
            if (parameter.In == "path") path = path.Replace("{" + parameter.Name + "}", value);
            else if (parameter.In == "query" && (parameter.Name == hostileName || random.Next(3) == 0)) query.Add($"{parameter.Name}={value}");
        }
        if (hostileName == "" && random.Next(2) == 0)
            query.Add(Pick(["page=10737420&pageSize=200", "page=2147483647&pageSize=2147483647", "status=DRAFT", "status=draft%20",
                "category=ENTERPRISE", "category=%20enterprise", "sort=1", "x%00=1", "page=1&page=2", "pageSize=-5", "%00=%00"]));
        return query.Count > 0 ? $"{path}?{string.Join('&', query)}" : path;
    }

    /// <summary>A date or date-time parameter: it gets the far ends of the calendar too.</summary>
    static bool IsDate(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) && format.GetString() is "date" or "date-time";

    string ValueFor(JsonElement schema, string name)
    {
        if (hints.TryGetValue(name, out var hinted) && random.Next(4) > 0) return Pick(hinted);
        var node = Generate(schema, name, 0);
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
    }

    (string?, byte[]?) Body(ApiOperation operation, string attack)
    {
        if (attack == "raw-body") return (Pick(["application/pdf", "image/png", "application/octet-stream"]), Pick(RawBodies));
        if (attack == "content-type")
            return (Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16"]),
                HostileRequest.Utf8(Pick(["a=%00&b=1", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\0\r\n--x--\r\n", "<a/>", "{}"])));
        if (operation.BodyType is not "application/json" || operation.BodySchema is not { } schema)
            return (operation.BodyType, operation.BodyType is null ? null : Pick(RawBodies));
        if (attack == "malformed") return ("application/json", HostileRequest.Utf8(Pick(HostileValues.MalformedJson)));
        var body = Generate(schema, "", 0);
        if (attack is not ("none" or "duplicate-key")) body = Attack(body, attack);
        var text = body?.ToJsonString(Relaxed) ?? "null";
        if (attack == "duplicate-key" && body is JsonObject { Count: > 0 } json)
        {
            var first = json.First();
            text = "{" + JsonSerializer.Serialize(first.Key) + ":" + (WrongValue() ?? JsonValue.Create("x"))!.ToJsonString() + "," + text[1..];
        }
        return ("application/json", HostileRequest.Utf8(text));
    }

    JsonNode? WrongValue() => random.Next(3) switch
    {
        0 => JsonValue.Create("enterprise"),
        1 => JsonValue.Create(1),
        _ => null,
    };

    static readonly byte[][] RawBodies =
    [
        [], "%PDF-1.4\n"u8.ToArray(), "%PDF-<html><body>x</body></html>"u8.ToArray(), "MZ\x90\0\x03"u8.ToArray(),
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], [0, 0, 0, 0], "{\"a\":1}"u8.ToArray(),
    ];

    /// <summary>One hostile change at a random leaf of <paramref name="body"/> (or to the object itself).</summary>
    JsonNode? Attack(JsonNode? body, string attack)
    {
        if (attack == "unknown-field" && body is JsonObject unknown)
        {
            unknown[Pick(["__proto__", "$type", "id", "ownerSubject", "role", "status", "version", "x\u0000", "a".PadRight(300, 'a')])] =
                Pick(HostileValues.Strings);
            return body;
        }
        var leaves = new List<(JsonNode? Parent, object Key, JsonNode? Value)>();
        Collect(body, leaves);
        if (leaves.Count == 0) return body;
        var (parent, key, value) = leaves[random.Next(leaves.Count)];
        var replacement = attack switch
        {
            "string" => JsonValue.Create(Pick(HostileValues.Strings)),
            "wrong-type" => HostileValues.WrongType(KindOf(value), random),
            "number" => JsonNode.Parse(Pick(HostileValues.Numbers)),
            "date" => JsonValue.Create(Pick(HostileValues.Dates)),
            "enum" => JsonValue.Create(Pick(["ENTERPRISE", "enterprise ", " enterprise", "Enterprise", "DRAFT", "draft ", "1", "",
                value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s.ToUpperInvariant() : "X",
                value is JsonValue w && w.TryGetValue<string>(out var t) ? t + " " : " "])),
            _ => null,
        };
        if (parent is null) return replacement;
        if (parent is JsonObject o) o[(string)key] = replacement;
        else if (parent is JsonArray a) a[(int)key] = replacement;
        return body;
    }

    static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    static void Collect(JsonNode? node, List<(JsonNode?, object, JsonNode?)> leaves, JsonNode? parent = null, object? key = null)
    {
        if (parent is not null) leaves.Add((parent, key!, node));
        if (node is JsonObject o) foreach (var (k, v) in o.ToList()) Collect(v, leaves, o, k);
        if (node is JsonArray a) for (var i = 0; i < a.Count; i++) Collect(a[i], leaves, a, i);
    }

    /// <summary>A value that follows <paramref name="schema"/>, with plausible strings where the hints know the name.</summary>
    JsonNode? Generate(JsonElement schema, string name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object) return JsonValue.Create("x");
        if (schema.TryGetProperty("$ref", out var reference)) return Generate(Resolve(reference.GetString()!), name, depth);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combinator, out var alternatives))
            {
                var options = alternatives.EnumerateArray().Where(a => !IsNull(a)).ToList();
                return options.Count == 0 || random.Next(10) == 0 ? null : Generate(options[random.Next(options.Count)], name, depth);
            }
        if (schema.TryGetProperty("enum", out var values))
        {
            var names = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();
            return names.Length == 0 ? null : JsonValue.Create(Pick(names));
        }
        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!]
            : ["object"];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            if (depth > 6) return new JsonObject();
            var json = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject())
                    json[property.Name] = Generate(property.Value, property.Name, depth + 1);
            if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                json[Pick(hints.GetValueOrDefault("key") ?? ["key"])] = Generate(additional, "", depth + 1);
            return json;
        }
        if (types.Contains("array"))
        {
            var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
            var array = new JsonArray();
            for (var i = random.Next(depth > 4 ? 1 : 4); i > 0; i--) array.Add(Generate(items, name, depth + 1));
            return array;
        }
        if (types.Contains("integer")) return JsonValue.Create(Pick(new[] { 1, 2, 3, 2023, 10, 100, 0 }));
        if (types.Contains("number")) return JsonValue.Create(Pick(new[] { 0.5, 100_000.0, 40_000.0, 1.0, 0.3 }));
        if (types.Contains("boolean")) return JsonValue.Create(random.Next(2) == 0);
        if (hints.TryGetValue(name, out var hinted)) return JsonValue.Create(Pick(hinted));
        return format switch
        {
            "uuid" => JsonValue.Create(KnownIds.Count > 0 && random.Next(4) > 0 ? Pick(KnownIds.ToArray()) : Guid.CreateVersion7().ToString()),
            "date" => JsonValue.Create(Pick(["2023-03-01", "2020-01-01", "2023-06-30", "2018-05-20"])),
            "date-time" => JsonValue.Create("2023-03-15T09:00:00+08:00"),
            _ => JsonValue.Create(Pick(["测试", "深圳某某智能制造有限公司", "说明", "note", "张三"])),
        };
    }

    static bool IsNull(JsonElement schema) =>
        schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    JsonElement Resolve(string reference) =>
        reference.Split('/').Skip(1).Aggregate(document.RootElement, (element, part) => element.GetProperty(part));

    T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
