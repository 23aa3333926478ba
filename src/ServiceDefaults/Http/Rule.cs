namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// A rule of the programme or of the platform, named for the user in Chinese and English.
/// <paramref name="Status"/> is the HTTP status a breach of it answers with; <paramref name="RetryAfterSeconds"/>, when
/// set, makes it a "not yet, try again" answer that carries <c>Retry-After</c>.
/// </summary>
public sealed record Rule(string Code, int Status, string Zh, string En, int? RetryAfterSeconds = null)
{
    /// <summary>A breach of a business rule: the request was understood and is refused.</summary>
    public static Rule Unprocessable(string code, string zh, string en) => new(code, 422, zh, en);

    /// <summary>The request does not fit the current state of what it addresses.</summary>
    public static Rule Conflict(string code, string zh, string en) => new(code, 409, zh, en);

    /// <summary>What the request addresses does not exist (or is not the caller's to see).</summary>
    public static Rule NotFound(string code, string zh, string en) => new(code, 404, zh, en);
}

/// <summary>Thrown by a decider when a command breaks a <see cref="Rule"/>; answered as problem details.</summary>
public sealed class RuleViolation(Rule rule, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception($"{rule.Code}: {rule.En}")
{
    /// <summary>The rule that was broken.</summary>
    public Rule Rule { get; } = rule;

    /// <summary>What in this request broke it, if more can be said than the rule itself.</summary>
    public string? Detail { get; } = detail;

    /// <summary>The fields that broke it, each with its messages (the problem's <c>errors</c>), if the rule is about fields.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
}
