using ServiceManufacturing.Services.Review.Campaigns;

namespace ServiceManufacturing.Tests.Review;

/// <summary>A recommendation deadline far in the future (stored before dates were checked) never overflows.</summary>
public class ReviewCampaignDateTests
{
    static readonly DateTimeOffset Now = new(2023, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AnExtensionUntil9999MeansTheListsStayOpenNotAnOverflow()
    {
        var campaign = ReviewCampaign.Create(new CampaignNoted(Guid.CreateVersion7(), 2023, 5, "第五批", new DateOnly(2023, 5, 31), ReviewFlow.Quotas, Now))
            .Apply(new RecommendationDeadlineExtended(Guid.CreateVersion7(), "130000", DateOnly.MaxValue, "系统故障", Now));

        Assert.False(campaign.RecommendationsClosed("130000", Now));
        Assert.True(campaign.RecommendationsClosed("210200", Now));
    }
}
