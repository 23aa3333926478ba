using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

public class RecommendationDeciderTests
{
    static readonly Guid CampaignId = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 5, 20, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly ReviewCampaign Fifth = ReviewCampaign.Create(new CampaignNoted(CampaignId, 2023, 5, "第五批", new DateOnly(2023, 5, 31),
    [
        new(Contracts.Reference.AuthorityType.Province, 10, 1, 3, 1, 1, 2),
        new(Contracts.Reference.AuthorityType.AutonomousRegion, 10, 1, 3, 1, 1, 2),
        new(Contracts.Reference.AuthorityType.Municipality, 10, 1, 3, 1, 1, 2),
        new(Contracts.Reference.AuthorityType.Xpcc, 10, 1, 3, 0, 0, 0),
        new(Contracts.Reference.AuthorityType.SeparatelyPlannedCity, 3, 1, 1, 1, 1, 1),
    ], Now.AddMonths(-2)));

    // authority, category, class, how many fit
    public static TheoryData<string, ApplicationCategory, string?, int> Quotas => new()
    {
        { "130000", ApplicationCategory.Enterprise, null, 10 },            // a province
        { "130000", ApplicationCategory.Platform, "sharedManufacturing", 1 },
        { "130000", ApplicationCategory.Platform, "other", 3 },
        { "130000", ApplicationCategory.City, "comprehensive", 1 },
        { "130000", ApplicationCategory.City, "industrialDesign", 1 },
        { "450000", ApplicationCategory.Enterprise, null, 10 },            // an autonomous region
        { "110000", ApplicationCategory.Platform, "other", 3 },            // a municipality
        { "660000", ApplicationCategory.Enterprise, null, 10 },            // XPCC
        { "660000", ApplicationCategory.Platform, "sharedManufacturing", 1 },
        { "660000", ApplicationCategory.City, "comprehensive", 0 },        // XPCC is not named for cities
        { "660000", ApplicationCategory.City, "industrialDesign", 0 },
        { "440300", ApplicationCategory.Enterprise, null, 3 },             // a separately planned city
        { "440300", ApplicationCategory.Platform, "sharedManufacturing", 1 },
        { "440300", ApplicationCategory.Platform, "other", 1 },
        { "440300", ApplicationCategory.City, "comprehensive", 1 },
        { "440300", ApplicationCategory.City, "industrialDesign", 1 },
    };

    [Theory]
    [MemberData(nameof(Quotas))]
    public void EachAuthorityRecommendsUpToItsQuotaAndTheNextIsRefusedNamingIt(string authority, ApplicationCategory category, string? @class, int quota)
    {
        var kind = RecommendationList.KindOf(category, @class);
        var listId = RecommendationList.IdFor(CampaignId, authority, kind);
        RecommendationList? list = null;
        for (var i = 0; i < quota; i++)
        {
            var recommended = (ApplicationRecommended)Assert.Single(RecommendationDecider.Decide(Recommend(listId, authority, category, @class), list, Now));
            Assert.Equal(i + 1, recommended.Rank);
            list = list is null ? RecommendationList.Create(recommended) : list.Apply(recommended);
        }

        var refusal = Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(Recommend(listId, authority, category, @class), list, Now));

        Assert.Equal(RecommendationRules.QuotaExceeded, refusal.Rule);
        Assert.Contains(Contracts.Reference.Authorities.Find(authority)!.NameZh, refusal.Detail);
        Assert.Contains($"为 {quota} 个", refusal.Detail);
    }

    [Fact]
    public void AProvinceWithBothCitiesRecommendedIsToldWhichClassIsFull()
    {
        var listId = RecommendationList.IdFor(CampaignId, "130000", RecommendationListKind.Cities);
        var list = RecommendationList.Create((ApplicationRecommended)RecommendationDecider.Decide(
            Recommend(listId, "130000", ApplicationCategory.City, "comprehensive"), null, Now).Single());
        list = list.Apply((ApplicationRecommended)RecommendationDecider.Decide(
            Recommend(listId, "130000", ApplicationCategory.City, "industrialDesign"), list, Now).Single());

        var refusal = Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            Recommend(listId, "130000", ApplicationCategory.City, "industrialDesign"), list, Now));

        Assert.Contains("工业设计特色类示范城市推荐名额为 1 个", refusal.Detail);
    }

    [Fact]
    public void ASeparatelyPlannedCityRecommendsOneCityOfEitherClass()
    {
        var listId = RecommendationList.IdFor(CampaignId, "440300", RecommendationListKind.Cities);
        var first = (ApplicationRecommended)RecommendationDecider.Decide(Recommend(listId, "440300", ApplicationCategory.City, "comprehensive"), null, Now).Single();

        var refusal = Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            Recommend(listId, "440300", ApplicationCategory.City, "industrialDesign"), RecommendationList.Create(first), Now));

        Assert.Contains("合计", refusal.Detail);
    }

    [Fact]
    public void AProvinceRecommendsOneCityOfEachClass()
    {
        var listId = RecommendationList.IdFor(CampaignId, "130000", RecommendationListKind.Cities);
        var list = RecommendationList.Create((ApplicationRecommended)RecommendationDecider.Decide(
            Recommend(listId, "130000", ApplicationCategory.City, "comprehensive"), null, Now).Single());

        Assert.Single(RecommendationDecider.Decide(Recommend(listId, "130000", ApplicationCategory.City, "industrialDesign"), list, Now));
    }

    [Fact]
    public void OnlyAPassedApplicationWithItsStampedFormIsRecommended()
    {
        var listId = RecommendationList.IdFor(CampaignId, "130000", RecommendationListKind.Enterprises);
        var unstamped = Recommend(listId, "130000", ApplicationCategory.Enterprise, null);
        Assert.Equal(RecommendationRules.NotRecommendable, Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            unstamped with { Candidate = unstamped.Candidate with { StampedFormSha256 = null } }, null, Now)).Rule);
        Assert.Equal(RecommendationRules.NotRecommendable, Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            unstamped with { Candidate = unstamped.Candidate with { Status = ReviewCaseStatus.ReturnedForChanges } }, null, Now)).Rule);
    }

    [Fact]
    public void AfterTheDeadlineListsAreClosedUnlessTheMinistryExtendedIt()
    {
        var listId = RecommendationList.IdFor(CampaignId, "130000", RecommendationListKind.Enterprises);
        var late = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(RecommendationRules.DeadlinePassed, Assert.Throws<RuleViolation>(() =>
            RecommendationDecider.Decide(Recommend(listId, "130000", ApplicationCategory.Enterprise, null), null, late)).Rule);

        var extended = Fifth.Apply(new RecommendationDeadlineExtended(CampaignId, "130000", new DateOnly(2023, 6, 7), "系统故障", late));
        Assert.Single(RecommendationDecider.Decide(Recommend(listId, "130000", ApplicationCategory.Enterprise, null) with { Campaign = extended }, null, late));
    }

    [Fact]
    public void AReorderListsEveryEntryOnce()
    {
        var listId = RecommendationList.IdFor(CampaignId, "130000", RecommendationListKind.OtherPlatforms);
        RecommendationList? list = null;
        for (var i = 0; i < 3; i++)
        {
            var e = (ApplicationRecommended)RecommendationDecider.Decide(Recommend(listId, "130000", ApplicationCategory.Platform, "other"), list, Now).Single();
            list = list is null ? RecommendationList.Create(e) : list.Apply(e);
        }
        var ids = list!.Entries.Select(e => e.ApplicationId).ToList();

        var reordered = Assert.IsType<RecommendationsReordered>(Assert.Single(RecommendationDecider.Decide(
            new ReorderRecommendations(listId, [ids[2], ids[0], ids[1]], Fifth, "130000", "officer"), list, Now)));
        Assert.Equal([ids[2], ids[0], ids[1]], list.Apply(reordered).Entries.Select(e => e.ApplicationId));
        Assert.Equal(RecommendationRules.OrderMismatch, Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            new ReorderRecommendations(listId, [ids[2], ids[0]], Fifth, "130000", "officer"), list, Now)).Rule);
    }

    static Recommend Recommend(Guid listId, string authority, ApplicationCategory category, string? @class) => new(listId,
        new ReviewCase(Guid.CreateVersion7(), CampaignId, authority, category, @class, 3, 1, ReviewCaseStatus.Passed, new string('c', 64)),
        "某某申报单位", Fifth, "authority-officer:officer");
}
