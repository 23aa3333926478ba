using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ServiceManufacturing.ServiceDefaults.Http.OpenApi;

/// <summary>The error answers (one problem schema) and file bodies of every operation.</summary>
public static partial class OpenApiConventions
{
    /// <summary>Every error answer is the problem schema (412 and 409 of a concurrent write with <c>current</c>); files are binary.</summary>
    static void ProblemsAndFiles(OpenApiOperation operation, OpenApiDocument document)
    {
        if (operation.Responses is null) return;
        var success = operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value.Content)
            .Where(c => c is not null).SelectMany(c => c!).FirstOrDefault(c => c.Key.Contains("json")).Value?.Schema;
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            if (int.TryParse(status, out var code) && code >= 400)
            {
                IOpenApiSchema schema = new OpenApiSchemaReference(ProblemSchema, document);
                if (code == 412 && success is not null)
                    schema = new OpenApiSchema
                    {
                        AllOf = [schema, new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "current" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["current"] = WithDescription(success, "资源现在的样子（其版本见 ETag 头） / The resource as it now stands (its version in the ETag header)."),
                            },
                        }],
                    };
                concrete.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } };
                if (IsBare(concrete.Description))
                    concrete.Description = DescriptionOf(code, concrete.Description);
                continue;
            }
            foreach (var (mediaType, content) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (mediaType.Contains("json")) continue;
                content.Schema = Binary();
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Content-Disposition"] = Header("attachment，含下载文件名 / attachment, with the file's name.");
            }
        }
    }

    static IOpenApiSchema WithDescription(IOpenApiSchema schema, string description) => schema switch
    {
        OpenApiSchemaReference reference => new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument) { Description = description },
        _ => schema,
    };

    /// <summary>No description, or only the status's reason phrase.</summary>
    static bool IsBare(string? description) => string.IsNullOrEmpty(description) || description is "Bad Request" or "Not Found" or "Conflict"
        or "Unprocessable Entity" or "Forbidden" or "Unauthorized" or "Precondition Failed" or "Payload Too Large" or "Content Too Large";

    static string DescriptionOf(int status, string? given) => status switch
    {
        400 => "请求无效（errors 列出各字段） / The request is invalid; `errors` names each field.",
        401 => "请先登录：缺少有效的访问令牌 / Sign in first: no valid access token (sign-in-required).",
        403 => "当前角色无权执行此操作 / The signed-in role may not do this (forbidden).",
        404 => "不存在，或不是调用者可见的 / Not found, or not the caller's to see.",
        409 => "与资源当前状态冲突（见 code） / The request does not fit the resource's current state; see `code`.",
        412 => "If-Match 已失效 / The If-Match ETag no longer holds (stale-version).",
        413 => "正文过大 / The body is larger than allowed.",
        422 => "违反业务规则（见 code） / A rule of the programme refuses it; see `code` (and `errors` where fields are named).",
        _ => given ?? "Problem",
    };

    static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    static OpenApiHeader RetryAfter() => new()
    {
        Description = "多少秒后再试 / Seconds to wait before trying again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
    };

    /// <summary>The RFC 9457 problem every service writes (see <see cref="ProblemResponses"/> and <see cref="Problems"/>).</summary>
    static void AddProblemSchema(OpenApiDocument document, IReadOnlyList<string> codes)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        static OpenApiSchema Text(string description, string? format = null) =>
            new() { Type = JsonSchemaType.String, Format = format, Description = description };
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 问题详情，中英文 / An RFC 9457 problem, in Chinese and English. Branch on `code`, show `titleZh` or `title`, " +
                "and give an operator `traceId` (the W3C trace id of the call, also in the traceparent header).",
            Required = new HashSet<string> { "type", "title", "status", "instance", "code", "titleZh", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("规则的 URI，末段即 code / The rule's URI; its last segment is `code`.", "uri"),
                ["title"] = Text("规则（英文） / The rule, in English."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "HTTP 状态码 / The HTTP status." },
                ["detail"] = Text("本次请求违反规则之处（如有） / What in this request broke the rule, when more can be said."),
                ["instance"] = Text("请求的路径 / The request's path."),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. codes.Select(c => (JsonNode)c)],
                    Description = "规则代码，稳定，供程序分支；取值为本服务可能答出的全部规则 / The rule's code: stable, for the client to branch on " +
                        "(e.g. stale-version, application-incomplete); one of every rule this service can answer.",
                },
                ["titleZh"] = Text("规则（中文） / The rule, in Chinese."),
                ["traceId"] = Text("W3C 追踪号，报告问题时提供 / The W3C trace id of the call, for an operator."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "按字段列出的问题（字段路径 → 中英文消息） / The fields at fault (JSON path, e.g. contact.name) with their messages in Chinese and English.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }
}
