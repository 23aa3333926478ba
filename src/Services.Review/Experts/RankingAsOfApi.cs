using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// Time travel for auditors in expert review: a category's ranked result as it stood at a past instant, ranked by the same
/// rule as the live one (<see cref="Ranking"/>) from each panel's and case's events up to that instant (Marten's
/// AggregateStreamAsync), never from the stored views: the candidates the ministry had in hand then (its acknowledged
/// packages, less withdrawals, <see cref="ExpertReviewScope.InHandAsOfAsync"/>), each panel's consensus then, and the
/// scoring sheet of the settings then. One without a consensus then is not ranked then.
/// </summary>
public static class RankingAsOfApi
{
    public static void MapRankingAsOfApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit/review/campaigns/{campaignId:guid}/categories/{category}/ranking/as-of", AsOf).WithTags("Audit")
            .WithName("GetExpertReviewRankingAsOf").WithEnumParameter<ApplicationCategory>("category")
            .WithSummary("类别内专家评审排序在某一时点的状态 / The ranked result of a category as it stood at a past instant")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<RankedApplication>>().ProducesValidationProblem();

    static async Task<IResult> AsOf(Guid campaignId, string category, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, DateTimeOffset? at = null)
    {
        var filters = new QueryFilters();
        if (filters.Enum<ApplicationCategory>(category, "category") is not { } kind)
            return Problems.Validation(filters.Errors.Count > 0 ? filters.Errors : new() { ["category"] = ["未知类别。 / Unknown category."] });
        if (at is null)
            return Problems.Validation(new Dictionary<string, string[]> { ["at"] = ["请给出时点（at）。 / Give the instant (at)."] });
        var instant = at.Value.ToUniversalTime();
        var concluded = new List<(ReviewCaseDetails, Consensus)>();
        foreach (var details in await ExpertReviewScope.InHandAsOfAsync(session, campaignId, kind, instant, ct))
        {
            var panel = await session.Events.AggregateStreamAsync<ExpertPanel>(ExpertPanel.IdFor(details.Id), timestamp: instant, token: ct);
            if (panel?.Consensus is not { } c) continue;
            concluded.Add((details, new Consensus(c.Scores, c.Total, c.Passed, c.Comments, c.RecordedBy, c.At)));
        }
        var settings = await ExpertReviewScope.SettingsAsync(session, campaignId, ct, instant);
        await AuditApi.RecordReadAsync(session, context, clock, $"expert ranking of {kind} in campaign {campaignId} as of {instant:O}", null);
        return TypedResults.Ok(Ranking.Of(settings.SheetFor(kind), concluded));
    }
}
