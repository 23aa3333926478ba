using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>A later campaign, e.g. a 2024 sixth batch, with its own values.</summary>
/// <param name="Year">年度（必填） / The year (required).</param>
/// <param name="Batch">第几批（必填） / The batch number (required).</param>
/// <param name="Name">名称（必填） / The name (required).</param>
/// <param name="EligibilityWindowStart">遴选期起始日（必填） / Start of the eligibility window (required).</param>
/// <param name="PlatformMinimumOperatingYears">平台须运营的最少年数（必填） / The years a platform must have operated (required).</param>
/// <param name="EnterpriseServiceRevenueShare">服务收入参考比例，0 至 1（必填） / The reference service revenue share, 0 to 1 (required).</param>
/// <param name="Deadlines">截止日期（必填） / The deadlines (required).</param>
/// <param name="Quotas">每类推荐单位一行名额（必填） / One quota row per type of authority (required).</param>
public sealed record OpenCampaignRequest(
    int? Year, int? Batch, string? Name, DateOnly? EligibilityWindowStart, int? PlatformMinimumOperatingYears,
    decimal? EnterpriseServiceRevenueShare, CampaignDeadlines? Deadlines, IReadOnlyList<QuotaRow>? Quotas);

/// <param name="AuthorityCode">推荐单位代码（必填） / The authority (required).</param>
/// <param name="Deadline">延后哪个截止日期（必填） / Which deadline (required).</param>
/// <param name="Until">延至哪天（必填） / The new date (required).</param>
/// <param name="Reason">理由（必填） / Why (required).</param>
public sealed record GrantDeadlineExceptionRequest(string? AuthorityCode, DeadlineKind? Deadline, DateOnly? Until, string? Reason);

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns");
        api.MapGet("/", List).WithName("ListCampaigns").WithSummary("遴选批次 / The campaigns")
            .Produces<IReadOnlyList<Campaign>>();
        api.MapGet("/current", Current).WithName("GetCurrentCampaign").WithSummary("当前接受申报的批次 / The campaign taking applications")
            .Produces<Campaign>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{campaignId:guid}", Get).WithName("GetCampaign").WithSummary("查看批次 / Read a campaign")
            .Produces<Campaign>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", Open).WithName("OpenCampaign").WithSummary("开启新批次 / Open a campaign")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<Campaign>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{campaignId:guid}/closure", Close).WithName("CloseCampaign").WithConcurrency().WithSummary("停止接受申报 / Close a campaign")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<Campaign>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{campaignId:guid}/deadline-exceptions", GrantException).WithName("GrantDeadlineException").WithConcurrency()
            .WithSummary("批准截止日期例外 / Grant an authority a later deadline").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<Campaign>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>The campaign that takes applications now, if any.</summary>
    public static Task<Campaign?> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        session.Query<Campaign>().Where(c => c.TakesApplications).FirstOrDefaultAsync(ct);

    static async Task<IResult> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<Campaign>().OrderByDescending(c => c.Year).ThenByDescending(c => c.Batch).ToListAsync(ct));

    static async Task<IResult> Current(IQuerySession session, CancellationToken ct) =>
        await CurrentAsync(session, ct) is { } campaign ? TypedResults.Ok(campaign) : Problems.Of(CampaignRules.NotFound);

    static async Task<IResult> Get(Guid campaignId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Campaign>(campaignId, ct) is { } campaign ? TypedResults.Ok(campaign) : Problems.Of(CampaignRules.NotFound);

    static async Task<IResult> Open(OpenCampaignRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Year is not (>= 2023 and <= 2100)) errors["year"] = ["请填写年份。 / Give the year."];
        if (request.Batch is not (>= 1 and <= 100)) errors["batch"] = ["请填写批次。 / Give the batch number."];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["请填写名称。 / Give the campaign a name."];
        if (request.EligibilityWindowStart is null) errors["eligibilityWindowStart"] = ["请填写无事故期起始日。 / Give the start of the eligibility window."];
        if (request.PlatformMinimumOperatingYears is not (>= 0 and <= 20)) errors["platformMinimumOperatingYears"] = ["0 至 20 年。 / 0 to 20 years."];
        if (request.EnterpriseServiceRevenueShare is not (>= 0 and <= 1)) errors["enterpriseServiceRevenueShare"] = ["0 至 1 之间。 / Between 0 and 1."];
        if (request.Deadlines is null) errors["deadlines"] = ["请填写各项截止日期。 / Give every deadline."];
        if (request.Quotas is null) errors["quotas"] = ["请填写推荐名额表。 / Give the quota table."];
        PlausibleDate.Check(errors, "eligibilityWindowStart", request.EligibilityWindowStart);
        if (request.Deadlines is { } deadlines)
        {
            PlausibleDate.Check(errors, "deadlines.contactPersons", deadlines.ContactPersons);
            PlausibleDate.Check(errors, "deadlines.applications", deadlines.Applications);
            PlausibleDate.Check(errors, "deadlines.recommendations", deadlines.Recommendations);
            PlausibleDate.Check(errors, "deadlines.evaluationMaterial", deadlines.EvaluationMaterial);
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        var open = await CurrentAsync(session, ct);
        var command = new OpenCampaign(Guid.CreateVersion7(), request.Year!.Value, request.Batch!.Value, request.Name!.Trim(),
            request.EligibilityWindowStart!.Value, request.PlatformMinimumOperatingYears!.Value,
            request.EnterpriseServiceRevenueShare!.Value, request.Deadlines!, request.Quotas!, open?.Id);
        await session.DecideAsync<Campaign>(command.CampaignId, null, state => CampaignDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return TypedResults.Created($"/api/v1/campaigns/{command.CampaignId}", await session.LoadAsync<Campaign>(command.CampaignId, ct));
    }

    static async Task<IResult> Close(Guid campaignId, HttpRequest http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var version = await session.DecideAsync<Campaign>(campaignId, StreamVersion.Expected(http),
            state => CampaignDecider.Decide(new CloseCampaign(campaignId), state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<Campaign>(campaignId, ct)), version);
    }

    static async Task<IResult> GrantException(Guid campaignId, GrantDeadlineExceptionRequest request, HttpRequest http,
        IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (Authorities.Find(request.AuthorityCode) is null) errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
        if (request.Deadline is null) errors["deadline"] = ["请选择截止日期类型。 / Choose which deadline."];
        if (request.Until is null) errors["until"] = ["请填写新的截止日期。 / Give the new deadline."];
        PlausibleDate.Check(errors, "until", request.Until);
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["请说明理由。 / Give the reason."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var command = new GrantDeadlineException(campaignId, request.AuthorityCode!, request.Deadline!.Value, request.Until!.Value,
            request.Reason!.Trim(), access.User.AuditName);
        var version = await session.DecideAsync<Campaign>(campaignId, StreamVersion.Expected(http),
            state => CampaignDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<Campaign>(campaignId, ct)), version);
    }
}
