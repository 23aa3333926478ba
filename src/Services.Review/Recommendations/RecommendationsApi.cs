using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Recommendations;

/// <summary>推荐一个申报 / Recommending an application.</summary>
/// <param name="ApplicationId">申报编号（必填；初审通过且已上传盖章申报书） / The application (required; passed initial review, stamped form uploaded).</param>
public sealed record RecommendRequest(Guid? ApplicationId);

/// <summary>名单的新顺序 / A list's new order.</summary>
/// <param name="CampaignId">批次（必填） / The campaign (required).</param>
/// <param name="Order">名单上全部申报编号的新顺序（必填） / Every application of the list, in the new order (required).</param>
public sealed record ReorderRequest(Guid? CampaignId, IReadOnlyList<Guid>? Order);

public static class RecommendationsApi
{

    public static RouteGroupBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations");
        api.MapGet("/", Lists).WithName("ListRecommendations").WithSummary("推荐名单（按类别排序） / The ranked lists of an authority")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<RecommendationList>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/summary-table", SummaryTableDocument).WithName("DownloadSummaryTable").WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives)
            .WithSummary("下载申报汇总表（附件2，XLSX） / Download the summary table (附件2, XLSX)")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<byte[]>(StatusCodes.Status200OK, SummaryTable.ContentType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/", Recommend).WithName("Recommend").WithConcurrency().WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives).EventuallyConsistent(ReviewLag.StampedFormArrives).WithSummary("在名额内推荐 / Recommend an application, within quota")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<RecommendationList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/{applicationId:guid}", Remove).WithName("RemoveRecommendation").WithConcurrency().WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives).WithSummary("撤销推荐 / Take an application off its list")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<RecommendationList>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut("/{kind}/order", Reorder).WithName("ReorderRecommendations").WithConcurrency().WithEnumParameter<RecommendationListKind>("kind").WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives).WithSummary("调整推荐排序 / Reorder a list")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<RecommendationList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Lists(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null, string? authorityCode = null)
    {
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        var query = session.Query<RecommendationList>().AsQueryable();
        if (campaignId is not null) query = query.Where(l => l.CampaignId == campaignId);
        if (authorityCode is not null) query = query.Where(l => l.AuthorityCode == authorityCode);
        await access.ReadAsync(true, ReviewCaseRules.NotFound);
        return TypedResults.Ok(await query.OrderBy(l => l.AuthorityCode).ThenBy(l => l.Kind).ToListAsync(ct));
    }

    /// <summary>An officer's own authority; the ministry and auditors name the authority.</summary>
    static async Task<IResult> SummaryTableDocument(IDocumentSession session, AccessGuard access, CancellationToken ct,
        Guid? campaignId = null, string? authorityCode = null)
    {
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        if (campaignId is null || ServiceManufacturing.Contracts.Reference.Authorities.Find(authorityCode) is null)
            return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次与推荐单位。 / Give the campaign and the authority."] });
        if (await session.LoadAsync<ReviewCampaign>(campaignId.Value, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var lists = await session.Query<RecommendationList>().Where(l => l.CampaignId == campaignId && l.AuthorityCode == authorityCode).ToListAsync(ct);
        var ids = lists.SelectMany(l => l.Entries).Select(e => e.ApplicationId).ToArray();
        var cases = (await session.LoadManyAsync<ReviewCaseDetails>(ct, ids)).ToDictionary(c => c.Id);
        await access.ReadAsync(true, ReviewCaseRules.NotFound);
        return TypedResults.File(SummaryTable.Create(campaign, authorityCode!, lists, cases), SummaryTable.ContentType,
            $"申报汇总表-{authorityCode}.xlsx");
    }

    /// <summary>Decided over the list and the candidate's case in one write; If-Match holds the list to the caller's version.</summary>
    static async Task<IResult> Recommend(RecommendRequest request, HttpRequest http, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.ApplicationId is not { } id)
            return Problems.Validation(new Dictionary<string, string[]> { ["applicationId"] = ["请指明申报。 / Name the application."] });
        var details = await session.LoadAsync<ReviewCaseDetails>(id, ct);
        if (await access.ChangeAsync(details is not null && access.User.AuthorityCode == details.AuthorityCode, ReviewCaseRules.NotFound) is { } refused)
            return refused;
        if (await session.LoadAsync<ReviewCampaign>(details!.CampaignId, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var listId = RecommendationList.IdFor(details.CampaignId, details.AuthorityCode, RecommendationList.KindOf(details.Category, details.Class));
        var command = new RecommendCase(listId, id, details.OrganisationName, campaign, access.User.AuditName);
        return await WriteAsync(http, session, listId, () => session.DecideAsync(
            [StreamToWrite.Of<RecommendationList>(listId, StreamVersion.Expected(http)), StreamToWrite.Of<ReviewCase>(id)],
            states => RecommendationDecider.Decide(command, states.Of<RecommendationList>(listId), states.Of<ReviewCase>(id), clock.GetUtcNow()), ct), ct);
    }

    static async Task<IResult> Remove(Guid applicationId, HttpRequest http, IDocumentSession session, AccessGuard access, TimeProvider clock,
        CancellationToken ct)
    {
        var details = await session.LoadAsync<ReviewCaseDetails>(applicationId, ct);
        if (await access.ChangeAsync(details is not null && access.User.AuthorityCode == details.AuthorityCode, ReviewCaseRules.NotFound) is { } refused)
            return refused;
        if (await session.LoadAsync<ReviewCampaign>(details!.CampaignId, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var listId = RecommendationList.IdFor(details.CampaignId, details.AuthorityCode, RecommendationList.KindOf(details.Category, details.Class));
        return await WriteAsync(http, session, listId, async () => new Dictionary<Guid, long>
        {
            [listId] = await session.DecideAsync<RecommendationList>(listId, StreamVersion.Expected(http), list => RecommendationDecider.Decide(
                new RemoveRecommendation(listId, applicationId, campaign, details.AuthorityCode, access.User.AuditName), list, clock.GetUtcNow()), ct),
        }, ct);
    }

    static async Task<IResult> Reorder(string kind, ReorderRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var filters = new QueryFilters();
        var listKind = filters.Enum<RecommendationListKind>(kind, "kind");
        if (request.CampaignId is null || request.Order is null) filters.Errors["order"] = ["请给出批次和完整排序。 / Give the campaign and the full order."];
        if (filters.Errors.Count > 0 || listKind is null || request.CampaignId is not { } campaignId) return Problems.Validation(filters.Errors);
        if (await session.LoadAsync<ReviewCampaign>(campaignId, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var authority = access.User.AuthorityCode!;
        var listId = RecommendationList.IdFor(campaignId, authority, listKind.Value);
        return await WriteAsync(http, session, listId, async () => new Dictionary<Guid, long>
        {
            [listId] = await session.DecideAsync<RecommendationList>(listId, StreamVersion.Expected(http), list => RecommendationDecider.Decide(
                new ReorderRecommendations(listId, request.Order!, campaign, authority, access.User.AuditName), list, clock.GetUtcNow()), ct),
        }, ct);
    }

    /// <summary>The list after <paramref name="write"/>, with its version as the ETag; a lost race answers 412/409 with the list as it now stands.</summary>
    static Task<IResult> WriteAsync(HttpRequest http, IDocumentSession session, Guid listId, Func<Task<IReadOnlyDictionary<Guid, long>>> write,
        CancellationToken ct) =>
        StreamVersion.OrCurrentAsync(http, async () =>
        {
            var versions = await write();
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<RecommendationList>(listId, ct)), versions[listId]);
        }, () => session.LoadAsync<RecommendationList>(listId, ct), l => l.Version);
}
