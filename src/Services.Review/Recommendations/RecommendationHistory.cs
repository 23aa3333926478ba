using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Recommendations;

/// <summary>
/// What the auditors' history says of each ranked-list event. A list is one stream per campaign, authority and kind; an
/// event naming no application (a submission, a reopening) concerns every application the list has held.
/// </summary>
static class RecommendationHistory
{
    public static EventHistory DescribeRecommendations(this EventHistory history) => history
        .Describe<ApplicationRecommended>(e => new($"{e.AuthorityCode} 推荐 {e.OrganisationName}，{e.Kind} 名单第 {e.Rank} 位",
            $"{e.AuthorityCode} recommended {e.OrganisationName}, rank {e.Rank} on the {e.Kind} list") { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<RecommendationRemoved>(e => new("移出推荐名单", "Removed from the recommendation list") { Applications = [e.ApplicationId] })
        .Describe<RecommendationsReordered>(e => new("推荐名单重新排序", "Recommendation list reordered") { Applications = [.. e.Order] })
        .Describe<RecommendationListSubmitted>(e => new($"{e.AuthorityCode} 提交 {e.Kind} 推荐名单", $"{e.AuthorityCode} submitted its {e.Kind} list")
            { Authority = e.AuthorityCode })
        .Describe<RecommendationListReopened>(_ => new("推荐名单重新开放修改", "Recommendation list reopened"));
}
