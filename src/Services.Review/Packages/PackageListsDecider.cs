using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>
/// Submit the package with the authority's ranked lists as they stand; <see cref="StampedForms"/> is each recommendable
/// case's stamped-form hash, by application.
/// </summary>
public sealed record SubmitPackageWithLists(Guid CampaignId, string AuthorityCode, ReviewCampaign Campaign,
    IReadOnlyDictionary<Guid, string> StampedForms, string By);

/// <summary>
/// Decides the package writes that touch the authority's ranked lists too: submission freezes every list (an empty one
/// as well) and return opens them again, in one write with the package, so a recommendation racing either is decided
/// again on the outcome.
/// </summary>
public static class PackageListsDecider
{
    /// <summary>The ranked lists of one authority in one campaign, one per kind, in the package's order.</summary>
    public static IReadOnlyList<Guid> ListIds(Guid campaignId, string authorityCode) =>
        Enum.GetValues<RecommendationListKind>().Select(kind => RecommendationList.IdFor(campaignId, authorityCode, kind)).ToList();

    public static IReadOnlyDictionary<Guid, object[]> Decide(SubmitPackageWithLists c, RecommendationPackage? package,
        IReadOnlyDictionary<Guid, RecommendationList?> lists, DateTimeOffset now)
    {
        var kinds = Enum.GetValues<RecommendationListKind>().ToDictionary(k => RecommendationList.IdFor(c.CampaignId, c.AuthorityCode, k));
        var entries = kinds.OrderBy(k => k.Value).SelectMany(k => (lists.GetValueOrDefault(k.Key)?.Entries ?? []).Select((e, i) =>
            new PackageEntry(k.Value, i + 1, e.ApplicationId, e.OrganisationName,
                c.StampedForms.GetValueOrDefault(e.ApplicationId) ?? throw new RuleViolation(RecommendationRules.NotRecommendable)))).ToList();
        var decided = new Dictionary<Guid, object[]>
        {
            [RecommendationPackage.IdFor(c.CampaignId, c.AuthorityCode)] =
                PackageDecider.Decide(new SubmitPackage(c.CampaignId, c.AuthorityCode, c.Campaign, entries, c.By), package, now),
        };
        foreach (var (listId, kind) in kinds)
            decided[listId] = [new RecommendationListSubmitted(listId, c.CampaignId, c.AuthorityCode, kind, now)];
        return decided;
    }

    public static IReadOnlyDictionary<Guid, object[]> Decide(ReturnPackage c, RecommendationPackage? package,
        IReadOnlyDictionary<Guid, RecommendationList?> lists, DateTimeOffset now)
    {
        var decided = new Dictionary<Guid, object[]>
        {
            [RecommendationPackage.IdFor(c.CampaignId, c.AuthorityCode)] = PackageDecider.Decide(c, package, now),
        };
        foreach (var (listId, list) in lists)
            decided[listId] = list is { Submitted: true } ? [new RecommendationListReopened(listId, now)] : [];
        return decided;
    }
}
