namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>The rules every service's HTTP surface shares.</summary>
public static class PlatformRules
{
    public static readonly Rule BadRequest = new("bad-request", 400,
        "请求无法处理。", "The request could not be understood.");
    public static readonly Rule InvalidJson = new("invalid-json", 400,
        "请求正文不是有效的 JSON，或含有不允许的取值。", "The request body is not valid JSON or holds a value that is not allowed.");
    public static readonly Rule Validation = new("validation", 400,
        "请求中的字段无效。", "One or more fields of the request are invalid.");
    public static readonly Rule InvalidIfMatch = new("invalid-if-match", 400,
        "If-Match 头必须是本资源的 ETag（版本号）。", "The If-Match header must be an ETag (version) of this resource.");
    public static readonly Rule BodyTooLarge = new("body-too-large", 413,
        "请求正文超过允许的大小。", "The request body is larger than allowed.");
    public static readonly Rule UnsupportedMediaType = new("unsupported-media-type", 415,
        "不支持该内容类型，请使用 application/json。", "This content type is not supported; send application/json.");
    public static readonly Rule StaleVersion = new("stale-version", 412,
        "该记录已被他人修改，请刷新后重试。", "The record was changed since you read it (If-Match no longer holds); reload and try again.");
    public static readonly Rule ConcurrentChange = new("concurrent-change", 409,
        "该记录正在被同时修改，请刷新后重试。", "The record was changed by a concurrent request; reload and try again.");
    public static readonly Rule SignInRequired = new("sign-in-required", 401,
        "请先登录：缺少有效的访问令牌，或令牌已过期。", "Sign in first: the access token is missing, invalid or expired.");
    public static readonly Rule Forbidden = new("forbidden", 403,
        "您的角色无权执行此操作。", "Your role may not do this.");
    public static readonly Rule Duplicate = new("duplicate", 409,
        "该记录已存在（可能是同时提交的另一请求）。", "This already exists, possibly through a request made at the same moment.");
    public static readonly Rule OwnAuthorityOnly = new("own-authority-only", 403,
        "只能查看本推荐单位的数据。", "You may see only your own authority's data.");
    public static readonly Rule NoSuchResource = new("not-found", 404,
        "请求的资源不存在。", "The requested resource does not exist.");
    public static readonly Rule MethodNotAllowed = new("method-not-allowed", 405,
        "该资源不支持此请求方法。", "This resource does not support the request method.");
    /// <summary>The service's database does not answer (restarting, say): nothing was changed, and the request may be sent again.</summary>
    public static readonly Rule DatabaseUnavailable = new("database-unavailable", 503,
        "数据库暂不可用，本次请求未作任何更改，请稍后重试。", "The database is not available; nothing was changed. Try again in a moment.",
        RetryAfterSeconds: 5);
    /// <summary>The gateway could not reach the service (restarting, say): the request may be sent again.</summary>
    public static readonly Rule ServiceUnavailable = new("service-unavailable", 503,
        "服务暂不可用（可能正在重启），请稍后重试。", "The service is not available (it may be restarting); try again in a moment.",
        RetryAfterSeconds: 5);
    public static readonly Rule Unexpected = new("unexpected", 500,
        "服务器内部错误，已记录。", "An unexpected error occurred and was logged.");

    /// <summary>The rule a bare status code stands for, when the framework answered without one.</summary>
    public static Rule? ForStatus(int? status) => status switch
    {
        400 => BadRequest,
        401 => SignInRequired,
        403 => Forbidden,
        404 => NoSuchResource,
        405 => MethodNotAllowed,
        413 => BodyTooLarge,
        415 => UnsupportedMediaType,
        500 => Unexpected,
        503 => ServiceUnavailable,
        _ => null,
    };
}
