using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>The ministry's views of expert review: progress per category and the ranked results (also as XLSX).</summary>
public static class ResultsApi
{
    static readonly string[] Readers = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapExpertReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/expert-review").WithTags("Expert review");
        AssignmentsApi.MapAssignments(api);
        ExpertWorkApi.MapExpertWork(api);
        api.MapGet("/campaigns/{campaignId:guid}/progress", Progress).WithName("GetExpertReviewProgress")
            .WithSummary("各类别专家评审进度（已分配、已声明、已评分、已合议） / Progress per category: assigned, declared, scored, in consensus")
            .RequireRoles(Readers).Produces<IReadOnlyList<CategoryProgress>>();
        api.MapGet("/campaigns/{campaignId:guid}/categories/{category}/ranking", Ranked).WithName("GetExpertReviewRanking")
            .WithEnumParameter<ApplicationCategory>("category")
            .WithSummary("类别内专家评审排序（合议总分，再比较服务型制造模式项，再比较提交时间） / The ranked result of a category " +
                "(agreed total, then the service-mode criterion, then the earlier submission)")
            .RequireRoles(Readers).Produces<IReadOnlyList<RankedApplication>>().ProducesValidationProblem();
        api.MapGet("/campaigns/{campaignId:guid}/categories/{category}/ranking-table", RankedTable).WithName("DownloadExpertReviewRanking")
            .WithEnumParameter<ApplicationCategory>("category")
            .WithSummary("下载类别内专家评审排序（XLSX，中文表头） / Download the ranked result of a category (XLSX, Chinese headers)")
            .RequireRoles(Readers).Produces<byte[]>(StatusCodes.Status200OK, SummaryTable.ContentType).ProducesValidationProblem();
        return api;
    }

    static async Task<IResult> Progress(Guid campaignId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var progress = await ExpertReviewProgress.OfCampaignAsync(session, campaignId, ct);
        await access.ReadAsync(true, ExpertReviewRules.ApplicationNotFound);
        return TypedResults.Ok(progress);
    }

    static async Task<(IReadOnlyList<RankedApplication>? Ranked, IResult? Invalid)> RankAsync(Guid campaignId, string category,
        IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var filters = new QueryFilters();
        if (filters.Enum<ApplicationCategory>(category, "category") is not { } kind)
            return (null, Problems.Validation(filters.Errors.Count > 0 ? filters.Errors : new() { ["category"] = ["未知类别。 / Unknown category."] }));
        var applications = await ExpertReviewScope.OfCampaignAsync(session, campaignId, kind, ct);
        var ids = applications.Select(a => a.ApplicationId).ToArray();
        var panels = (await session.LoadManyAsync<ExpertPanelView>(ct, ids)).Where(p => p.Consensus is not null).ToDictionary(p => p.Id);
        var cases = await session.LoadManyAsync<ReviewCaseDetails>(ct, panels.Keys.ToArray());
        var settings = await ExpertReviewScope.SettingsAsync(session, campaignId, ct);
        await access.ReadAsync(true, ExpertReviewRules.ApplicationNotFound);
        return (Ranking.Of(settings.SheetFor(kind), cases.Select(c => (c, panels[c.Id].Consensus!))), null);
    }

    static async Task<IResult> Ranked(Guid campaignId, string category, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var (ranked, invalid) = await RankAsync(campaignId, category, session, access, ct);
        return invalid ?? TypedResults.Ok(ranked);
    }

    static async Task<IResult> RankedTable(Guid campaignId, string category, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var (ranked, invalid) = await RankAsync(campaignId, category, session, access, ct);
        if (invalid is not null) return invalid;
        var campaign = await session.LoadAsync<ReviewCampaign>(campaignId, ct);
        var kind = Enum.Parse<ApplicationCategory>(category, ignoreCase: true);
        return TypedResults.File(Ranking.Table(campaign?.Name ?? "", kind, ranked!), SummaryTable.ContentType,
            $"专家评审结果-{category}.xlsx");
    }
}
