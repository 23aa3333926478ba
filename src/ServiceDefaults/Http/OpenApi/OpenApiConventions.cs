using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>
/// The rules every operation of every service's OpenAPI document follows, applied by convention so that an endpoint
/// added later follows them too (tests/TestSupport/OpenApiContract.cs checks them for every operation):
/// one problem schema for every error, 401 and 403 included; <c>ETag</c> and <c>If-Match</c> where an endpoint says
/// so (<see cref="EndpointContract"/>); uploads and downloads as binary; a description for every property (the XML
/// documentation of the records); closed parameter sets as enums; the gateway as the server.
/// </summary>
public static partial class OpenApiConventions
{
    /// <summary>The schema of every error body.</summary>
    public const string ProblemSchema = "Problem";

    /// <summary>The media types a scan upload takes (see ScanArchive).</summary>
    public static readonly IReadOnlyList<string> UploadContentTypes = ["application/pdf", "image/jpeg", "image/png"];

    const string ProblemJson = "application/problem+json";

    public static OpenApiOptions AddConventions(this OpenApiOptions options)
    {
        options.AddSchemaTransformer(SchemaDescriptions.ApplyAsync);
        options.AddOperationTransformer((operation, context, _) =>
        {
            Apply(operation, context.Description.ActionDescriptor.EndpointMetadata, context.Document!);
            Malformed(operation, context.Description.HttpMethod);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, context, _) =>
        {
            var service = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ApplicationName;
            document.Servers = [new OpenApiServer { Url = "/", Description = "网关（提供本文档的地址） / The gateway that served this document" }];
            document.Info.License = new OpenApiLicense
            {
                Name = "工业和信息化部 版权所有 / Proprietary, MIIT",
                Url = new Uri("https://servicemanufacturing.miit.gov.cn/"),
            };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                tag.Description ??= OpenApiTags.Describe(tag.Name);
            AddProblemSchema(document, RuleCodes.DefinedBy(System.Reflection.Assembly.Load(service)));
            foreach (var operation in Operations(document)) ProblemsAndFiles(operation, document);
            SchemaShapes.Normalise(document);
            SchemaDescriptions.Complete(document);
            SchemaShapes.RequiredIsNotNull(document);
            SchemaShapes.RemoveUnused(document);
            return Task.CompletedTask;
        });
        return options;
    }

    static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []);

    /// <summary>What the endpoint's metadata says: ETag, If-Match and 412, closed parameter sets, lag, uploads.</summary>
    static void Apply(OpenApiOperation operation, IList<object> metadata, OpenApiDocument document)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Parameters ??= new List<IOpenApiParameter>();
        if (metadata.OfType<IfMatchMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "可选：读取时得到的 ETag；记录已被他人修改则答 412。 / Optional: the ETag you read. " +
                    "When the resource changed since, the answer is 412 stale-version with the resource as it now stands in `current`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses.TryAdd("412", new OpenApiResponse
            {
                Description = "If-Match 已失效：记录已被他人修改 / The If-Match ETag no longer holds (stale-version); `current` holds the resource now, the ETag header its version.",
            });
        }
        if (metadata.OfType<ETagMetadata>().Any())
            foreach (var (status, response) in operation.Responses)
                if ((status.StartsWith('2') || status == "412") && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["ETag"] = Header("资源的版本，写操作时作为 If-Match 发送 / The resource's version; send it as If-Match when you change it.");
                }
        foreach (var values in metadata.OfType<ParameterValuesMetadata>())
            if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == values.Name) is { } parameter)
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Values.Select(v => (JsonNode)v)] };
        foreach (var described in metadata.OfType<ParameterDescriptionMetadata>())
            if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == described.Name) is { } parameter)
                parameter.Description = described.Description;
        foreach (var lag in metadata.OfType<EventuallyConsistentMetadata>())
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + "最终一致 / Eventually consistent: " + lag.How;
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => string.IsNullOrEmpty(p.Description)))
            parameter.Description = ParameterDescriptions.Of(parameter.Name!);
        foreach (var lag in metadata.OfType<LagMetadata>())
        {
            var status = lag.Status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var r)) operation.Responses[status] = r = new OpenApiResponse();
            if (r is OpenApiResponse concrete)
                concrete.Description = (IsBare(concrete.Description) ? DescriptionOf(lag.Status, null) : concrete.Description) +
                    $" `{lag.Code}`: 尚未送达，稍后重试 / not yet arrived (eventually consistent): try again" +
                    (metadata.OfType<RetryAfterMetadata>().Any(m => m.Status == lag.Status) ? " after Retry-After seconds." : " shortly.");
        }
        foreach (var retry in metadata.OfType<RetryAfterMetadata>())
        {
            if (!operation.Responses.TryGetValue(retry.Status.ToString(CultureInfo.InvariantCulture), out var r))
                operation.Responses[retry.Status.ToString(CultureInfo.InvariantCulture)] = r = new OpenApiResponse();
            if (r is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "尚未就绪，请在若干秒后重试（如 campaign-not-yet-known） / Not yet: try again after this many seconds (e.g. campaign-not-yet-known).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            };
        }
        // A file answer declared without a type (Produces(200, contentType: "application/pdf")) is binary too.
        foreach (var produces in metadata.OfType<IProducesResponseTypeMetadata>()
                     .Where(p => p.StatusCode is >= 200 and < 300 && p.ContentTypes.Any(t => !t.Contains("json"))))
            if (operation.Responses.TryGetValue(produces.StatusCode.ToString(CultureInfo.InvariantCulture), out var file)
                && file is OpenApiResponse { Content: null or { Count: 0 } } empty)
                empty.Content = produces.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = Binary() });
        operation.Responses.TryAdd("429", new OpenApiResponse
        {
            Description = "请求过于频繁（网关限流） / Too many requests (the gateway's limit); try again after Retry-After seconds.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = RetryAfter() },
        });
        operation.Responses.TryAdd("503", new OpenApiResponse
        {
            Description = "服务暂不可用（如数据库重启中），未作任何更改 / Temporarily unavailable (its database restarting, say); " +
                "nothing was changed: send the request again after Retry-After seconds.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = RetryAfter() },
        });
        if (operation.RequestBody is null && metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault() is { MaxRequestBodySize: > ProblemResponses.MaxJsonBodyBytes } upload)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"扫描件本身（PDF、JPEG 或 PNG，不超过 {upload.MaxRequestBodySize / 1024 / 1024} MB），不是 multipart 表单 / " +
                    $"The scan itself as the body (PDF, JPEG or PNG, at most {upload.MaxRequestBodySize / 1024 / 1024} MB), not a multipart form; " +
                    "its content is checked, whatever the Content-Type says.",
                Content = UploadContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = Binary() }),
            };
        _ = document;
    }

    /// <summary>
    /// What any operation may answer before its handler runs: 400 (a parameter or header that does not parse); with a
    /// body, 413 (too large) and 415 (not a content type it takes).
    /// </summary>
    static void Malformed(OpenApiOperation operation, string? method)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("400", new OpenApiResponse());
        if (method is not ("POST" or "PUT" or "PATCH")) return;
        operation.Responses.TryAdd("413", new OpenApiResponse());
        operation.Responses.TryAdd("415", new OpenApiResponse
        {
            Description = "不支持该内容类型 / The body's content type is not one this operation takes (unsupported-media-type).",
        });
    }
}
