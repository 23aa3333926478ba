using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;

namespace ServiceManufacturing.Gateway.Audit;

/// <summary>
/// The auditors' one timeline across the services: an application's, an authority's officers' or a user's history, composed
/// from each service's own history endpoint (<c>/api/v1/audit/{service}/history/…</c>, called with the caller's token, so
/// each service authorizes and records the read itself), merged in time order. Nothing is copied into another store.
/// JSON, an XLSX sheet with <c>format=xlsx</c>, or a printable PDF with <c>format=pdf</c> (in the CJK TrueType font at
/// <c>Audit:PdfFont</c>, by default Debian's fonts-droid-fallback).
/// </summary>
public static class Timeline
{
    public static readonly string[] Services = ["registration", "review", "evaluation", "identity"];
    public const string DefaultPdfFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    static readonly Rule UnknownService = Rule.Unprocessable("timeline-unknown-service",
        "服务须为 registration、review、evaluation 或 identity。", "A service is registration, review, evaluation or identity.");
    static readonly Rule UnknownKind = Rule.NotFound("timeline-unknown-kind",
        "时间线按申报（applications）、推荐单位（authorities）或用户（users）查阅。", "A timeline is of applications, authorities or users.");
    // As the gateway's own service-unavailable rule: 503 with Retry-After, so that a client knows to try again.
    static readonly Rule ServiceUnavailable = new("timeline-service-unavailable", StatusCodes.Status503ServiceUnavailable,
        "有服务未能给出其历史，请稍后重试。", "A service did not give its history; try again in a moment.",
        PlatformRules.ServiceUnavailable.RetryAfterSeconds);
    static readonly Rule PdfFontMissing = new("timeline-pdf-font-missing", StatusCodes.Status503ServiceUnavailable,
        "网关缺少打印 PDF 所需的中文字体（Audit:PdfFont），请联系运维；JSON 与 XLSX 仍可用。",
        "The gateway lacks the CJK font a PDF is printed in (Audit:PdfFont); ask the operators. JSON and XLSX still work.");

    public static RouteHandlerBuilder MapTimeline(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit/timeline/{kind}/{key}", GetAsync).WithName("GetAuditTimeline").WithTags("Audit timeline")
            .WithSummary("跨服务审计时间线 / The audit timeline of an application, an authority or a user, across the services")
            .WithDescription("各服务的历史按时间合并：申报（applications/{申报 id}）涉及的全部事件及相关用户的账号事件，推荐单位（authorities/{行政区划代码}）" +
                "经办人员的全部操作，或用户（users/{账号 subject}）的全部操作与查阅。每个服务以调用者的令牌自行授权（部里与审计人员）并记录本次查阅。 / " +
                "Each service's history merged in time order: every event about an application (applications/{application id}) " +
                "with Identity's account events of the users who acted on it, " +
                "everything an authority's officers did (authorities/{region code}), or everything a user did and read " +
                "(users/{account subject}). Each service authorizes the caller's token itself (ministry officers and auditors) " +
                "and records the read (an xlsx or pdf export as an export, with its format); a service's refusal is the answer, as it gave it. " +
                $"Each service gives at most {HistoryQuery.Limit} entries, and an application's timeline takes in the account events of at most " +
                $"{MaxAccountsInvolved} users: a timeline cut short says so, in the header {HistoryQuery.TruncatedHeader}: true " +
                "(and in the title line of an xlsx or pdf); narrow it by time range or service to read the rest.")
            .WithParameterValues("kind", "applications", "authorities", "users")
            .WithParameterDescription("kind", "时间线的对象 / What the timeline is of: an application, an authority's officers or a user.")
            .WithParameterDescription("key", "申报 id、推荐单位行政区划代码或账号 subject / The application's id, the authority's region code or the account's subject.")
            .WithParameterDescription("service", "只看这些服务（逗号分隔：registration、review、evaluation、identity）；缺省为全部 / " +
                "Only these services, comma-separated (registration, review, evaluation, identity); all when left out.")
            .WithParameterDescription("eventType", "只看此类事件（存储的类型名，如 application_submitted） / Only events of this stored type, e.g. application_submitted.")
            .WithParameterDescription("actor", "只看此用户（账号 subject）所为 / Only what this user (account subject) did.")
            .WithParameterDescription("from", "自此时刻起（含） / From this instant on (inclusive), ISO 8601.")
            .WithParameterDescription("to", "至此时刻前（不含）；须晚于 from / Before this instant (exclusive), ISO 8601; later than from.")
            .WithParameterValues("format", "json", "xlsx", "pdf")
            .WithParameterDescription("format", "json（缺省）、xlsx 工作簿或可打印的 A4 横向 PDF（中国标准时间） / " +
                "json (the default), an xlsx workbook, or a printable A4-landscape pdf (times in China Standard Time).")
            .Produces<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK, "application/json", Spreadsheet.ContentType, PrintedTable.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>How many users' account events an application's timeline takes in at most.</summary>
    const int MaxAccountsInvolved = 50;

    static async Task<IResult> GetAsync(string kind, string key, HttpContext context, IHttpClientFactory clients, IConfiguration configuration,
        TimeProvider clock, CancellationToken ct,
        string? service = null, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? format = null)
    {
        if (kind is not ("applications" or "authorities" or "users")) return Problems.Of(UnknownKind);
        if (format is not (null or "json" or "xlsx" or "pdf"))
            return Problems.Validation(new Dictionary<string, string[]> { ["format"] = ["格式须为 json、xlsx 或 pdf。 / The format is json, xlsx or pdf."] });
        var fontPath = configuration["Audit:PdfFont"] is { Length: > 0 } configured ? configured : DefaultPdfFont;
        if (format == "pdf" && !File.Exists(fontPath)) return Problems.Of(PdfFontMissing, $"{fontPath} does not exist.");
        var services = service is null ? Services : service.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (services.Any(s => !Services.Contains(s))) return Problems.Of(UnknownService);
        var query = QueryString.Create(new Dictionary<string, string?> { ["eventType"] = eventType, ["actor"] = actor, ["from"] = from?.ToString("O", CultureInfo.InvariantCulture),
                ["to"] = to?.ToString("O", CultureInfo.InvariantCulture),
                // So that each service records an export as an export (JSON is a plain read).
                ["format"] = format is "xlsx" or "pdf" ? format : null }
            .Where(p => p.Value is not null));
        var answers = await Task.WhenAll(services.Select(s => HistoryOfAsync(clients, context, s,
            $"http://{s}/api/v1/audit/{s}/history/{kind}/{Uri.EscapeDataString(key)}{query}", ct)));
        if (answers.FirstOrDefault(a => a.Failure is not null).Failure is { } failure) return failure;
        var found = answers.SelectMany(a => a.Entries).ToList();
        var truncated = answers.Any(a => a.Truncated);
        if (kind == "applications" && services.Contains("identity"))
        {
            // Identity's account events of the users involved (their registration, binding, sign-ins), under the same filters.
            var involved = found.Select(e => e.ActorSubject).OfType<string>().Distinct().ToList();
            truncated |= involved.Count > MaxAccountsInvolved;
            var accounts = await Task.WhenAll(involved.Take(MaxAccountsInvolved)
                .Select(subject => HistoryOfAsync(clients, context, "identity",
                    $"http://identity/api/v1/audit/identity/history/users/{Uri.EscapeDataString(subject)}{query}", ct)));
            if (accounts.FirstOrDefault(a => a.Failure is not null).Failure is { } accountFailure) return accountFailure;
            truncated |= accounts.Any(a => a.Truncated);
            found.AddRange(accounts.SelectMany(a => a.Entries).Where(e => e.Account is not null && found.Any(f => f.ActorSubject == e.Account)));
        }
        var entries = found.DistinctBy(e => (e.Service, e.Sequence)).OrderBy(e => e.At).ThenBy(e => e.Service).ThenBy(e => e.Sequence).ToList();
        if (truncated) context.Response.Headers[HistoryQuery.TruncatedHeader] = "true";
        var title = $"{kind} {key}" + (truncated ? " (不完整，已截断 / truncated: narrow it by time range)" : "");
        return format switch
        {
            "xlsx" => TypedResults.File(Sheet(title, entries), Spreadsheet.ContentType, $"timeline-{kind}-{key}.xlsx"),
            "pdf" => await PdfAsync(kind, key, entries, clock.GetUtcNow(), fontPath, ct, truncated),
            _ => TypedResults.Ok(entries),
        };
    }

    static async Task<IResult> PdfAsync(string kind, string key, IReadOnlyList<HistoryEntry> entries, DateTimeOffset now, string fontPath,
        CancellationToken ct, bool truncated)
    {
        try
        {
            return TypedResults.File(Printout(kind, key + (truncated ? " (已截断 / truncated)" : ""), entries, now,
                await File.ReadAllBytesAsync(fontPath, ct)), PrintedTable.ContentType,
                $"timeline-{kind}-{key}.pdf");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Gone since it was looked for, unreadable, or not a TrueType font the PDF can embed.
            return Problems.Of(PdfFontMissing, $"{fontPath}: {e.Message}");
        }
    }

    static async Task<(IReadOnlyList<HistoryEntry> Entries, IResult? Failure, bool Truncated)> HistoryOfAsync(IHttpClientFactory clients, HttpContext context,
        string service, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        try
        {
            using var response = await clients.CreateClient("timeline").SendAsync(request, ct);
            if (response.StatusCode is HttpStatusCode.OK)
                return ((await response.Content.ReadFromJsonAsync<List<HistoryEntry>>(Json, ct))!, null,
                    response.Headers.TryGetValues(HistoryQuery.TruncatedHeader, out var cut) && cut.Contains("true"));
            // The service's own refusal (401, 403, a 4xx problem) is the answer, as it gave it.
            if ((int)response.StatusCode < 500)
                return ([], Results.Content(await response.Content.ReadAsStringAsync(ct), response.Content.Headers.ContentType?.ToString(),
                    statusCode: (int)response.StatusCode), false);
        }
        catch (HttpRequestException)
        {
        }
        return ([], Problems.Of(ServiceUnavailable, service), false);
    }

    static byte[] Sheet(string title, IReadOnlyList<HistoryEntry> entries)
    {
        var rows = new List<string[]>
        {
            new[] { $"审计时间线 / Audit timeline: {title}" },
            new[] { "时间 / Time (UTC)", "服务 / Service", "事件 / Event", "操作人 / Actor", "角色 / Role", "推荐单位 / Authority",
                "摘要 / Summary (中文)", "Summary (English)", "关联 / Correlation", "起因 / Causation", "流 / Stream", "版本 / Version" },
        };
        rows.AddRange(entries.Select(e => new[]
        {
            e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), e.Service, e.EventType, e.ActorSubject ?? "",
            e.ActorRole ?? "", e.ActorAuthority ?? "", e.SummaryZh, e.SummaryEn, e.CorrelationId ?? "", e.CausationId ?? "",
            e.StreamId.ToString(), e.Version.ToString(CultureInfo.InvariantCulture),
        }));
        return Spreadsheet.Write("审计时间线", rows, [22, 12, 28, 38, 16, 10, 48, 48, 34, 20, 38, 8], "A1:L1");
    }

    /// <summary>
    /// The timeline as a printable PDF in <paramref name="font"/> (a CJK TrueType font): titled with its kind and key and
    /// the time it was produced, one row per entry, times in China Standard Time.
    /// </summary>
    public static byte[] Printout(string kind, string key, IReadOnlyList<HistoryEntry> entries, DateTimeOffset producedAt, ReadOnlyMemory<byte> font)
    {
        var rows = entries.Select(e => new[]
        {
            ChinaTime(e.At), e.Service, e.EventType,
            string.Join("\n", new[] { e.ActorSubject ?? "系统 / system", e.ActorRole, e.ActorAuthority }.Where(s => !string.IsNullOrEmpty(s))),
            e.SummaryZh, e.SummaryEn, e.CorrelationId ?? "",
        }).ToList();
        return PrintedTable.Write(font, $"审计时间线 / Audit timeline: {kind} {key}",
            $"生成于 / Produced {ChinaTime(producedAt)} (中国标准时间 / China Standard Time, UTC+8) · {entries.Count} 条 / entries",
            ["时间 / Time (UTC+8)", "服务 / Service", "事件 / Event", "操作人、角色 / Actor, role", "摘要 / Summary (中文)",
                "Summary (English)", "关联 / Correlation"],
            rows, [13, 8, 15, 17, 27, 27, 17]);
    }

    static string ChinaTime(DateTimeOffset at) =>
        at.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
