using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Campaigns;

/// <summary>What the auditors' history says of each campaign event in Review.</summary>
static class ReviewCampaignHistory
{
    public static EventHistory DescribeReviewCampaigns(this EventHistory history) => history
        .Describe<CampaignNoted>(e => new($"记录遴选批次：{e.Name}，推荐截止 {e.RecommendationDeadline}",
            $"Campaign noted: {e.Name}, recommendations due {e.RecommendationDeadline}"))
        .Describe<RecommendationDeadlineExtended>(e => new($"{e.AuthorityCode} 推荐截止延至 {e.Until}：{e.Reason}",
            $"{e.AuthorityCode}'s recommendation deadline extended to {e.Until}: {e.Reason}") { Authority = e.AuthorityCode })
        .Describe<DeadlineExtensionHeardBeforeCampaign>(e => new($"延期消息先于批次到达：{e.AuthorityCode} 至 {e.Until}",
            $"Extension heard before the campaign: {e.AuthorityCode} until {e.Until}") { Authority = e.AuthorityCode });
}
