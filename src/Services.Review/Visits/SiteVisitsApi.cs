using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>安排或调整一项现场考查 / Scheduling or moving a visit by hand.</summary>
/// <param name="Date">考查日期（必填） / The day (required).</param>
/// <param name="Place">考查地点（必填，不超过 200 字） / The place (required; at most 200 characters).</param>
/// <param name="Team">考查组专家账号，两至二十名（必填） / The experts of the team, two to twenty (required).</param>
public sealed record ScheduleVisitRequest(DateOnly? Date, string? Place, IReadOnlyList<string>? Team);

/// <summary>在时间窗口内自动安排考查 / Proposing the schedule inside a window.</summary>
/// <param name="CampaignId">批次（必填） / The campaign (required).</param>
/// <param name="From">窗口首日（必填） / The window's first day (required).</param>
/// <param name="To">窗口末日（必填） / The window's last day (required).</param>
public sealed record ScheduleProposalRequest(Guid? CampaignId, DateOnly? From, DateOnly? To);

/// <summary>自动安排的结果 / What the proposal scheduled, and what it could not place.</summary>
/// <param name="Scheduled">已安排的考查 / The visits it scheduled.</param>
/// <param name="Unplaced">未能安排的考查及原因 / The visits it could not place, and why.</param>
public sealed record ScheduleProposal(IReadOnlyList<PlannedVisit> Scheduled, IReadOnlyList<UnplacedVisit> Unplaced);

/// <summary>考查报告 / A visit report.</summary>
/// <param name="Findings">考查情况（必填，不超过 5000 字） / What the team found (required; at most 5000 characters).</param>
/// <param name="Recommendation">考查意见（必填）：recommend 或 doNotRecommend / Recommend or do not recommend (required).</param>
public sealed record VisitReportRequest(string? Findings, VisitRecommendation? Recommendation);

/// <summary>
/// Site visits (现场考查): every city that passed expert review, and the enterprises and platforms the ministry marks. A
/// schedule is written over the visit and each expert's day (one visit per expert per day) in one transaction.
/// </summary>
public static class SiteVisitsApi
{
    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Expert, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapSiteVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/site-visits").WithTags("Site visits");
        api.MapGet("/", List).WithName("ListSiteVisits").WithSummary("现场考查安排 / The site visits of a campaign").RequireRoles(Readers)
            .Produces<IReadOnlyList<SiteVisit>>().ProducesValidationProblem();
        api.MapGet("/{applicationId:guid}", Get).WithName("GetSiteVisit").WithETag().WithSummary("查看一项现场考查 / Read a site visit")
            .RequireRoles(Readers).Produces<SiteVisit>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{applicationId:guid}/marking", Mark).WithName("MarkForSiteVisit").WithETag()
            .WithSummary("标记需现场考查的企业或平台 / Mark an enterprise or platform for a visit").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<SiteVisit>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/schedule-proposal", Propose).WithName("ProposeSiteVisitSchedule")
            .WithSummary("在时间窗口内自动安排全部考查 / Schedule every due visit inside a window, and say what could not be placed")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<ScheduleProposal>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut("/{applicationId:guid}", Schedule).WithName("ScheduleSiteVisit").WithConcurrency()
            .WithSummary("安排或调整考查（日期不早于今天、地点、考查组） / Schedule or move a visit by hand (a date not past, place, team)")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<SiteVisit>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{applicationId:guid}/report", FileReport).WithName("FileVisitReport").WithConcurrency()
            .WithSummary("考查组提交考查报告（考查当天起，北京时间） / The visiting team files its report (from the visit's day on, China Standard Time)").RequireRoles(PlatformRoles.Expert)
            .Produces<SiteVisit>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var visits = await session.Query<SiteVisit>().Where(v => v.CampaignId == campaignId).ToListAsync(ct);
        await access.ReadAsync(true, SiteVisitRules.NotFound);
        return TypedResults.Ok(visits.Where(VisitSight.Of(access.User).MaySee).OrderBy(v => v.Date).ThenBy(v => v.AuthorityCode).ToList());
    }

    static async Task<IResult> Get(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var visit = await session.LoadAsync<SiteVisit>(SiteVisit.IdFor(applicationId), ct);
        return await access.ReadAsync(visit is not null && VisitSight.Of(access.User).MaySee(visit), SiteVisitRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(visit), visit!.Version);
    }

    static async Task<IResult> Mark(Guid applicationId, IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<ReviewCaseDetails>(applicationId, ct) is not { } details) return Problems.Of(ReviewCaseRules.NotFound);
        var visitId = SiteVisit.IdFor(applicationId);
        var versions = await session.DecideAsync([StreamToWrite.Of<SiteVisit>(visitId), StreamToWrite.Of<ReviewCase>(applicationId)],
            states => new Dictionary<Guid, object[]>
            {
                [visitId] = SiteVisitDecider.Decide(new MarkForVisit(VisitFacts.SubjectOf(details, states.Of<ReviewCase>(applicationId)),
                    access.User.AuditName), states.Of<SiteVisit>(visitId), clock.GetUtcNow()),
            }, ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<SiteVisit>(visitId, ct)), versions[visitId]);
    }

    static async Task<IResult> Schedule(Guid applicationId, ScheduleVisitRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Date is null) errors["date"] = ["请给出考查日期。 / Give the day."];
        PlausibleDate.Check(errors, "date", request.Date);
        if (request.Team is null) errors["team"] = ["请给出考查组专家。 / Name the team."];
        else if (request.Team.Count > SiteVisitRules.MaxTeam || request.Team.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > 100))
            errors["team"] = [$"考查组至多 {SiteVisitRules.MaxTeam} 名专家，账号不超过 100 字。 / At most {SiteVisitRules.MaxTeam} experts, each account at most 100 characters."];
        if (request.Place?.Length > SiteVisitRules.MaxPlace)
            errors["place"] = [$"考查地点不超过 {SiteVisitRules.MaxPlace} 字。 / The place is at most {SiteVisitRules.MaxPlace} characters."];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await session.LoadAsync<ReviewCaseDetails>(applicationId, ct) is not { } details) return Problems.Of(ReviewCaseRules.NotFound);
        var visitId = SiteVisit.IdFor(applicationId);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var versions = await VisitSchedule.WriteAsync(session, details, request.Date!.Value, request.Place, request.Team!,
                StreamVersion.Expected(http), access.User.AuditName, clock.GetUtcNow(), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<SiteVisit>(visitId, ct)), versions[visitId]);
        }, () => session.LoadAsync<SiteVisit>(visitId, ct), v => v.Version);
    }

    static async Task<IResult> Propose(ScheduleProposalRequest request, IDocumentSession session, AccessGuard access, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CampaignId is null || request.From is null || request.To is null)
            errors["to"] = ["请给出批次和时间窗口的首末日。 / Give the campaign and the window's first and last days."];
        PlausibleDate.Check(errors, "from", request.From);
        PlausibleDate.Check(errors, "to", request.To);
        if (request.From is { } f && request.To is { } t && (t < f || t.DayNumber - f.DayNumber > 366))
            errors["to"] = ["时间窗口须从首日到末日、不超过一年。 / The window runs from its first to its last day, at most a year."];
        if (errors.Count > 0) return Problems.Validation(errors);
        // No visit is proposed on a day already past (China Standard Time): a window begun is proposed from today.
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        if (request.To!.Value < today) return Problems.Of(SiteVisitRules.DayPast);
        var from = request.From!.Value < today ? today : request.From.Value;
        return TypedResults.Ok(await VisitSchedule.ProposeAsync(session, request.CampaignId!.Value, from, request.To.Value,
            access.User.AuditName, clock, ct));
    }

    static async Task<IResult> FileReport(Guid applicationId, VisitReportRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var visitId = SiteVisit.IdFor(applicationId);
        var visit = await session.LoadAsync<SiteVisit>(visitId, ct);
        if (await access.ChangeAsync(visit is not null && VisitSight.Of(access.User).MayFileReport(visit), SiteVisitRules.NotFound) is { } refused)
            return refused;
        if (request.Findings?.Length > SiteVisitRules.MaxFindings)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["findings"] = [$"考查情况不超过 {SiteVisitRules.MaxFindings} 字。 / The findings are at most {SiteVisitRules.MaxFindings} characters."],
            });
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<SiteVisit>(visitId, StreamVersion.Expected(http), state => SiteVisitDecider.Decide(
                new FileVisitReport(applicationId, request.Findings, request.Recommendation, access.User.AuditName), state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<SiteVisit>(visitId, ct)), version);
        }, () => session.LoadAsync<SiteVisit>(visitId, ct), v => v.Version);
    }
}
