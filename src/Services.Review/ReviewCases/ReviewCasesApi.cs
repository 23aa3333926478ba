using Marten;
using Marten.Pagination;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>初审决定 / An initial-review decision.</summary>
/// <param name="Decision">决定（必填） / The decision (required).</param>
/// <param name="Reason">理由；不予通过和退回修改时必填 / The reason; required to reject or return.</param>
public sealed record InitialReviewRequest(InitialReviewDecision? Decision, string? Reason);

public enum WorklistSort { SubmittedAt, OrganisationName }

public static class ReviewCasesApi
{
    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapReviewCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/review-cases").WithTags("Review cases");
        api.MapGet("/{applicationId:guid}", Get).WithName("GetReviewCase").WithETag().EventuallyConsistent(ReviewLag.CaseOpens).WithSummary("查看审核案卷 / Read a review case").RequireRoles([.. Readers, PlatformRoles.Expert])
            .Produces<ReviewCaseDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListReviewCases").WithEnumParameter<ApplicationCategory>("category").WithEnumParameter<ReviewCaseStatus>("status").WithEnumParameter<WorklistSort>("sort").WithParameterValues("class", SubmissionValues.Classes).WithParameterValues("serviceMode", SubmissionValues.ServiceModes).WithParameterValues("warning", SubmissionValues.Warnings).EventuallyConsistent(ReviewLag.CaseOpens).WithSummary("审核工作清单 / The worklist of review cases").RequireRoles(Readers)
            .Produces<Page<ReviewCaseDetails>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/{applicationId:guid}/initial-review", Decide).WithName("DecideInitialReview").WithConcurrency().EventuallyConsistent(ReviewLag.ApplicantSees)
            .WithSummary("初审：通过、不予通过或退回修改 / Initial review: pass, reject or return for changes")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<ReviewCaseDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Get(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        return await access.ReadAsync(sight.MaySeeCase, ReviewCaseRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(sight.Case), sight.Case!.Version);
    }

    /// <summary>An officer's worklist is its own authority's; the ministry and auditors may name any authority.</summary>
    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        string? authorityCode = null, Guid? campaignId = null, string? category = null, string? @class = null,
        string? serviceMode = null, string? status = null, string? warning = null, string? sort = null, int page = 1, int pageSize = 50)
    {
        var filters = new QueryFilters();
        var categoryFilter = filters.Enum<ApplicationCategory>(category, "category");
        var statusFilter = filters.Enum<ReviewCaseStatus>(status, "status");
        var sortBy = filters.Enum<WorklistSort>(sort, "sort") ?? WorklistSort.SubmittedAt;
        @class = filters.OneOf(@class, "class", SubmissionValues.Classes);
        serviceMode = filters.OneOf(serviceMode, "serviceMode", SubmissionValues.ServiceModes);
        warning = filters.OneOf(warning, "warning", SubmissionValues.Warnings);
        filters.Page(page, pageSize);
        if (filters.Errors.Count > 0) return Problems.Validation(filters.Errors);
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        var query = session.Query<ReviewCaseDetails>().AsQueryable();
        if (authorityCode is not null) query = query.Where(c => c.AuthorityCode == authorityCode);
        if (campaignId is not null) query = query.Where(c => c.CampaignId == campaignId);
        if (categoryFilter is not null) query = query.Where(c => c.Category == categoryFilter);
        if (@class is not null) query = query.Where(c => c.Class == @class);
        if (serviceMode is not null) query = query.Where(c => c.ServiceMode == serviceMode);
        if (statusFilter is not null) query = query.Where(c => c.Status == statusFilter);
        if (warning is not null) query = query.Where(c => c.Warnings.Contains(warning));
        query = sortBy == WorklistSort.OrganisationName ? query.OrderBy(c => c.OrganisationName) : query.OrderBy(c => c.SubmittedAt);
        var items = await query.ToPagedListAsync(page, pageSize, ct);
        await access.ReadAsync(true, ReviewCaseRules.NotFound);
        return TypedResults.Ok(new Page<ReviewCaseDetails>(items.ToList(), items.TotalItemCount, page, pageSize));
    }

    static async Task<IResult> Decide(Guid applicationId, InitialReviewRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ReviewCaseDetails>(applicationId, ct);
        if (await access.ChangeAsync(details is not null && access.User.Is(PlatformRoles.AuthorityOfficer)
                && access.User.AuthorityCode == details.AuthorityCode, ReviewCaseRules.NotFound) is { } refused)
            return refused;
        if (request.Decision is null)
            return Problems.Validation(new Dictionary<string, string[]> { ["decision"] = ["请选择 pass、reject 或 return。 / Choose pass, reject or return."] });
        var command = new DecideInitialReview(applicationId, request.Decision.Value, request.Reason?.Trim(), access.User.AuditName);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<ReviewCase>(applicationId, StreamVersion.Expected(http),
                state => ReviewCaseDecider.Decide(command, state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<ReviewCaseDetails>(applicationId, ct)), version);
        }, () => session.LoadAsync<ReviewCaseDetails>(applicationId, ct), c => c.Version);
    }
}
