using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>
/// What an endpoint promises beyond its types, said once on its mapping line; the OpenAPI conventions
/// (<see cref="OpenApiConventions"/>) turn it into headers, parameters and responses of its operation.
/// </summary>
public static class EndpointContract
{
    /// <summary>
    /// The answer carries the resource's stream version as its <c>ETag</c> (see <see cref="StreamVersion"/>).
    /// </summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ETagMetadata());

    /// <summary>
    /// An optimistic write: it takes an optional <c>If-Match</c> with the ETag the caller read, answers 412
    /// <c>stale-version</c> (with the resource as it now stands in <c>current</c>) when that no longer holds, and
    /// answers with the new <c>ETag</c>.
    /// </summary>
    public static TBuilder WithConcurrency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ETagMetadata(), new IfMatchMetadata());

    /// <summary>
    /// The query or route parameter <paramref name="name"/> takes the JSON names of <typeparamref name="TEnum"/>
    /// (camelCase), and nothing else.
    /// </summary>
    public static RouteHandlerBuilder WithEnumParameter<TEnum>(this RouteHandlerBuilder builder, string name)
        where TEnum : struct, Enum =>
        builder.WithMetadata(new ParameterValuesMetadata(name, JsonNames.Of<TEnum>()));

    /// <summary>The query or route parameter <paramref name="name"/> takes one of <paramref name="values"/>.</summary>
    public static TBuilder WithParameterValues<TBuilder>(this TBuilder builder, string name, params IReadOnlyList<string> values)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterValuesMetadata(name, values));

    /// <summary>The query or route parameter <paramref name="name"/> means <paramref name="description"/>.</summary>
    public static TBuilder WithParameterDescription<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterDescriptionMetadata(name, description));

    /// <summary>
    /// The answer may lag behind a change made elsewhere (another service, through the message relay):
    /// <paramref name="how"/> says how, for the operation's description.
    /// </summary>
    public static TBuilder EventuallyConsistent<TBuilder>(this TBuilder builder, string how) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EventuallyConsistentMetadata(how));

    /// <summary>
    /// The operation lags behind a change made in another service (through the message relay): its description says
    /// <paramref name="how"/>, and until the change arrives it may answer <paramref name="notYet"/>, whose status is declared
    /// (with <c>Retry-After</c> when the rule carries one). Every operation whose handler can answer a rule with
    /// <c>Retry-After</c> (campaign-not-yet-known) says so with this (tests: OpenApiDocumentFacts, the hostile runner).
    /// </summary>
    public static TBuilder WithLag<TBuilder>(this TBuilder builder, Rule notYet, string how) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new EventuallyConsistentMetadata(how), new LagMetadata(notYet.Code, notYet.Status));
        return notYet.RetryAfterSeconds is null ? builder : builder.WithMetadata(new RetryAfterMetadata(notYet.Status));
    }

    /// <summary>
    /// A "not yet, try again" answer: <paramref name="status"/> may come with a <c>Retry-After</c> (seconds).
    /// </summary>
    public static TBuilder WithRetryAfter<TBuilder>(this TBuilder builder, int status) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RetryAfterMetadata(status));

    /// <summary>
    /// The body is a <c>multipart/form-data</c> form of these fields (all required; a file field is a scan: PDF, JPEG or
    /// PNG). Declared in the document only: unlike <c>Accepts</c>, a caller of another role or content type still meets
    /// the role check first (403), and the endpoint answers a wrong body itself.
    /// </summary>
    public static TBuilder AcceptsMultipartForm<TBuilder>(this TBuilder builder, params IReadOnlyList<FormField> fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string>(fields.Select(f => f.Name)),
                            Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                Format = f.File ? "binary" : null,
                                Description = f.Description,
                            }),
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}

/// <summary>A field of a multipart form: its name, what it holds, and whether it is a file.</summary>
public sealed record FormField(string Name, string Description, bool File = false);

/// <summary>Answers carry the <c>ETag</c> header.</summary>
public sealed record ETagMetadata;

/// <summary>The operation takes <c>If-Match</c> and may answer 412.</summary>
public sealed record IfMatchMetadata;

/// <summary>A parameter with a closed set of values.</summary>
public sealed record ParameterValuesMetadata(string Name, IReadOnlyList<string> Values);

/// <summary>What a parameter means.</summary>
public sealed record ParameterDescriptionMetadata(string Name, string Description);

/// <summary>How an answer of the operation may lag.</summary>
public sealed record EventuallyConsistentMetadata(string How);

/// <summary>The rule (code and status) an operation answers until a change made elsewhere arrives.</summary>
public sealed record LagMetadata(string Code, int Status);

/// <summary>A status that may carry <c>Retry-After</c>.</summary>
public sealed record RetryAfterMetadata(int Status);

/// <summary>The names enum values take in JSON and in query strings (camelCase).</summary>
public static class JsonNames
{
    public static IReadOnlyList<string> Of<TEnum>() where TEnum : struct, Enum => Of(typeof(TEnum));

    public static IReadOnlyList<string> Of(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName)];
}

/// <summary>
/// A string property that takes one of a closed set of values (an enum kept as a string in events, or rule codes):
/// declared as an enum in the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class OneOfAttribute : Attribute
{
    public OneOfAttribute(params string[] values) => Values = values;

    /// <summary>The JSON names of <paramref name="enumTypes"/>' values (camelCase), together.</summary>
    public OneOfAttribute(params Type[] enumTypes) => Values = [.. enumTypes.SelectMany(JsonNames.Of).Distinct()];

    /// <summary>The values a static list holds: <paramref name="member"/> of <paramref name="holder"/>.</summary>
    public OneOfAttribute(Type holder, string member) =>
        Values = (IReadOnlyList<string>)(holder.GetProperty(member)?.GetValue(null) ?? holder.GetField(member)!.GetValue(null)!);

    public IReadOnlyList<string> Values { get; }
}
