using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>
/// Describes every schema and property from the XML documentation of the records (each project generates its
/// documentation file): a property's own summary, else its record parameter's; an enum lists its values with theirs.
/// String properties marked <see cref="OneOfAttribute"/> become enums.
/// </summary>
static partial class SchemaDescriptions
{
    /// <summary>The types behind the component schemas, by schema id (the default ids: the services do not rename them).</summary>
    static readonly ConcurrentDictionary<string, JsonTypeInfo> Known = new();

    public static Task ApplyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            // Enums become components: the schema describes the enum, a property's own words go on its reference.
            schema.Description = EnumDescription(type);
            if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
                schema.Enum = [.. values.Where(v => v is not null)];
            return Task.CompletedTask;
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            if (OpenApiOptions.CreateDefaultSchemaReferenceId(context.JsonTypeInfo) is { } id) Known[id] = context.JsonTypeInfo;
            if (string.IsNullOrEmpty(schema.Description) && XmlDocs.Summary(type) is { } summary)
                schema.Description = summary;
            return Task.CompletedTask; // a property of this type becomes a reference, described by Complete
        }
        if (context.JsonPropertyInfo is { } property)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), false).OfType<OneOfAttribute>().FirstOrDefault() is { } oneOf)
                OneOf(schema, oneOf.Values);
            if (string.IsNullOrEmpty(schema.Description) && Of(property) is { } described) schema.Description = described;
        }
        return Task.CompletedTask;
    }

    /// <summary>Fills what the schema transformers could not reach: properties that became references.</summary>
    public static void Complete(OpenApiDocument document)
    {
        foreach (var (id, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (component is not OpenApiSchema schema || !Known.TryGetValue(id, out var type)) continue;
            foreach (var property in type.Properties)
            {
                if (schema.Properties?.TryGetValue(property.Name, out var propertySchema) != true) continue;
                var description = Of(property);
                switch (propertySchema)
                {
                    // A reference's Description reads through to its target; its own is Reference.Description.
                    case OpenApiSchemaReference reference when string.IsNullOrEmpty(reference.Reference.Description):
                        reference.Description = description ?? reference.Target?.Description;
                        break;
                    case OpenApiSchema concrete when SchemaShapes.Flattened.TryGetValue(concrete, out _):
                        concrete.Description = description is null ? concrete.Description : $"{description} {concrete.Description}";
                        break;
                    case OpenApiSchema concrete when string.IsNullOrEmpty(concrete.Description):
                        concrete.Description = description ?? concrete.Items?.Description;
                        break;
                }
            }
        }
    }

    static void OneOf(OpenApiSchema schema, IReadOnlyList<string> values)
    {
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        target.Enum = [.. values.Select(v => (JsonNode)v)];
        if (target.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);
    }

    static string? Of(JsonPropertyInfo property) => property.AttributeProvider switch
    {
        MemberInfo member when member.DeclaringType is { } declaring =>
            XmlDocs.Member(declaring, member) ?? XmlDocs.Parameter(declaring, member.Name),
        _ => null,
    };

    static string? EnumDescription(Type type)
    {
        var values = Enum.GetNames(type)
            .Select(name => (Name: JsonNames.Of(type)[Array.IndexOf(Enum.GetNames(type), name)], Doc: XmlDocs.Member(type, type.GetField(name)!)))
            .Select(v => v.Doc is null ? v.Name : $"{v.Name}: {v.Doc}");
        return string.Join(" ", new[] { XmlDocs.Summary(type) }.Where(s => s is not null)) + (XmlDocs.Summary(type) is null ? "" : " ")
            + "取值 / Values: " + string.Join("; ", values) + ".";
    }
}

/// <summary>The XML documentation files next to the assemblies (GenerateDocumentationFile), read once each.</summary>
static partial class XmlDocs
{
    static readonly ConcurrentDictionary<Assembly, Dictionary<string, XElement>> Files = new();

    public static string? Summary(Type type) => Text(Find(type, "T:" + Name(type))?.Element("summary"));

    public static string? Member(Type declaring, MemberInfo member) =>
        Text(Find(declaring, (member is FieldInfo ? "F:" : "P:") + Name(declaring) + "." + member.Name)?.Element("summary"));

    /// <summary>A positional record's property is documented by its parameter on the record.</summary>
    public static string? Parameter(Type declaring, string name) =>
        Text(Find(declaring, "T:" + Name(declaring))?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    static string Name(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    static XElement? Find(Type type, string id) =>
        Files.GetOrAdd(type.Assembly, Load).GetValueOrDefault(id);

    static Dictionary<string, XElement> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path)) return [];
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First());
    }

    static string? Text(XElement? element)
    {
        if (element is null) return null;
        var copy = new XElement(element);
        foreach (var reference in copy.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            var target = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("langword") ?? "";
            reference.ReplaceWith(target[(target.LastIndexOf('.') + 1)..]);
        }
        var text = Whitespace().Replace(copy.Value, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
