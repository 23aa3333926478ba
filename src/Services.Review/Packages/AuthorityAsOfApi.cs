using Marten;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>An authority's ranked lists and package in one campaign as they stood at a past instant.</summary>
/// <param name="AuthorityCode">The recommending authority.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="At">The instant.</param>
/// <param name="Lists">Its ranked lists then (those that existed), in kind order.</param>
/// <param name="Package">Its package then, if it existed.</param>
public sealed record AuthorityAsOf(string AuthorityCode, Guid CampaignId, DateTimeOffset At,
    IReadOnlyList<RecommendationList> Lists, RecommendationPackage? Package);

/// <summary>
/// Time travel for auditors in Review: an authority's ranked lists and package as of a past instant, computed from their
/// streams' events (Marten's AggregateStreamAsync up to that instant), never from the stored snapshots.
/// </summary>
public static class AuthorityAsOfApi
{
    public static void MapAuthorityAsOfApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit/review/authorities/{authorityCode}/as-of", AsOf).WithTags("Audit").WithName("GetAuthorityAsOf")
            .WithSummary("推荐单位的推荐名单与报送材料在某一时点的状态 / An authority's ranked lists and package as they stood at a past instant")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<AuthorityAsOf>().ProducesValidationProblem();

    static async Task<IResult> AsOf(string authorityCode, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, Guid? campaignId = null, DateTimeOffset? at = null)
    {
        if (campaignId is null || at is null)
            return Problems.Validation(new Dictionary<string, string[]>
                { ["at"] = ["请给出批次（campaignId）与时点（at）。 / Give the campaign (campaignId) and the instant (at)."] });
        var instant = at.Value.ToUniversalTime();
        var lists = new List<RecommendationList>();
        foreach (var kind in Enum.GetValues<RecommendationListKind>())
            if (await session.Events.AggregateStreamAsync<RecommendationList>(RecommendationList.IdFor(campaignId.Value, authorityCode, kind),
                    timestamp: instant, token: ct) is { } list)
                lists.Add(list);
        var package = await session.Events.AggregateStreamAsync<RecommendationPackage>(
            RecommendationPackage.IdFor(campaignId.Value, authorityCode), timestamp: instant, token: ct);
        await AuditApi.RecordReadAsync(session, context, clock, $"authority {authorityCode} as of {instant:O}", null);
        return TypedResults.Ok(new AuthorityAsOf(authorityCode, campaignId.Value, instant, lists, package));
    }
}
