using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// The applications in the ministry's hands, which experts review: those of the packages it acknowledged (a withdrawn
/// application leaves), with the facts the assignment and the conflict rules need.
/// </summary>
public static class ExpertReviewScope
{
    public static async Task<IReadOnlyList<ApplicationToReview>> OfCampaignAsync(IQuerySession session, Guid campaignId,
        ApplicationCategory? category, CancellationToken ct)
    {
        var packages = await session.Query<RecommendationPackage>()
            .Where(p => p.CampaignId == campaignId && p.Status == PackageStatus.Acknowledged).ToListAsync(ct);
        var ids = packages.SelectMany(p => p.Entries.Select(e => e.ApplicationId)).Distinct().ToArray();
        if (ids.Length == 0) return [];
        var cases = await session.LoadManyAsync<ReviewCaseDetails>(ct, ids);
        return [.. cases.Where(c => c.Status != ReviewCaseStatus.Withdrawn && (category is null || c.Category == category))
            .Select(Of).OrderBy(a => a.SubmittedAt)];
    }

    /// <summary>The one application, when the ministry has it in hand (else null).</summary>
    public static async Task<ApplicationToReview?> OfApplicationAsync(IQuerySession session, Guid applicationId, CancellationToken ct)
    {
        var details = await session.LoadAsync<ReviewCaseDetails>(applicationId, ct);
        if (details is null || details.Status == ReviewCaseStatus.Withdrawn) return null;
        var package = await session.Query<RecommendationPackage>()
            .Where(p => p.CampaignId == details.CampaignId && p.AuthorityCode == details.AuthorityCode).FirstOrDefaultAsync(ct);
        return package is { Status: PackageStatus.Acknowledged } && package.Entries.Any(e => e.ApplicationId == applicationId) ? Of(details) : null;
    }

    public static ApplicationToReview Of(ReviewCaseDetails c) => new(c.Id, c.CampaignId, c.Category, c.ServiceMode, c.Class, c.OrganisationName,
        new ApplicationFacts(c.CreditCode, c.AuthorityCode, c.RelatedParties ?? []), c.SubmittedAt);

    /// <summary>The campaign's settings as the ministry set them (as of <paramref name="asOf"/>, when given), else the defaults.</summary>
    public static async Task<ExpertReviewSettings> SettingsAsync(IQuerySession session, Guid campaignId, CancellationToken ct,
        DateTimeOffset? asOf = null) =>
        await session.Events.AggregateStreamAsync<ExpertReviewSettings>(ExpertReviewSettings.IdFor(campaignId), timestamp: asOf, token: ct)
        ?? ExpertReviewSettings.Defaults(campaignId);

    /// <summary>
    /// The cases of <paramref name="category"/> the ministry had in hand at <paramref name="instant"/>, as they stood then:
    /// the entries of the packages acknowledged by then, less those withdrawn by then, each from its stream's events up to
    /// that instant (so an application withdrawn or returned since counts as it did then).
    /// </summary>
    public static async Task<IReadOnlyList<ReviewCaseDetails>> InHandAsOfAsync(IQuerySession session, Guid campaignId,
        ApplicationCategory category, DateTimeOffset instant, CancellationToken ct)
    {
        var packageIds = await session.Query<RecommendationPackage>().Where(p => p.CampaignId == campaignId).Select(p => p.Id).ToListAsync(ct);
        var ids = new SortedSet<Guid>();
        foreach (var id in packageIds)
            if (await session.Events.AggregateStreamAsync<RecommendationPackage>(id, timestamp: instant, token: ct) is { Status: PackageStatus.Acknowledged } then)
                ids.UnionWith(then.Entries.Select(e => e.ApplicationId));
        var cases = new List<ReviewCaseDetails>();
        foreach (var id in ids)
            if (await session.Events.AggregateStreamAsync<ReviewCaseDetails>(id, timestamp: instant, token: ct) is { } then
                && then.Status != ReviewCaseStatus.Withdrawn && then.Category == category)
                cases.Add(then);
        return cases;
    }
}
