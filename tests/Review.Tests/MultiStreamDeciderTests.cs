using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

/// <summary>The writes that decide over several streams: given their states, the events of each stream.</summary>
public class MultiStreamDeciderTests
{
    static readonly Guid Campaign = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 5, 30, 16, 0, 0, TimeSpan.FromHours(8));
    static readonly ReviewCampaign Fifth = ReviewCampaign.Create(new CampaignNoted(Campaign, 2023, 5, "第五批", new DateOnly(2023, 5, 31),
        [new(Contracts.Reference.AuthorityType.Province, 10, 1, 3, 1, 1, 2)], Now.AddMonths(-2)));
    static readonly RecommendationPackage WithTable = RecommendationPackage.Create(new SummaryTableScanUploaded(Campaign, "130000",
        Guid.CreateVersion7(), "application/pdf", 1000, new string('t', 64), "officer", Now.AddHours(-1)));
    static readonly IReadOnlyList<Guid> Lists = PackageListsDecider.ListIds(Campaign, "130000");
    static readonly Guid EnterpriseList = RecommendationList.IdFor(Campaign, "130000", RecommendationListKind.Enterprises);
    static readonly Guid PlatformList = RecommendationList.IdFor(Campaign, "130000", RecommendationListKind.OtherPlatforms);

    [Fact]
    public void SubmittingThePackageTakesTheListsEntriesInOrderAndMarksEveryListSubmittedAnEmptyOneToo()
    {
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var lists = Given((EnterpriseList, [a, b]), (PlatformList, [c]));

        var decided = PackageListsDecider.Decide(Submit(a, b, c), WithTable, lists, Now);

        var submitted = Assert.IsType<PackageSubmitted>(Assert.Single(decided[WithTable.Id]));
        Assert.Equal([(RecommendationListKind.Enterprises, 1, a), (RecommendationListKind.Enterprises, 2, b), (RecommendationListKind.OtherPlatforms, 1, c)],
            submitted.Entries.Select(e => (e.Kind, e.Rank, e.ApplicationId)));
        Assert.Equal(new string('s', 64), submitted.Entries[0].StampedFormSha256);
        Assert.Equal(5, decided.Count);
        Assert.All(Lists, id => Assert.Equal(id, Assert.IsType<RecommendationListSubmitted>(Assert.Single(decided[id])).ListId));
    }

    [Fact]
    public void SubmittingAFrozenPackageIsRefusedAndNoListIsTouched() =>
        Assert.Equal(PackageRules.Frozen, Assert.Throws<RuleViolation>(() => PackageListsDecider.Decide(Submit(),
            WithTable.Apply(new PackageSubmitted(Campaign, "130000", [], WithTable.SummaryTableSha256!, "h", "officer", Now)), Given(), Now)).Rule);

    [Fact]
    public void AListEntryWithoutItsStampedFormCannotGoIntoThePackage() =>
        Assert.Equal(RecommendationRules.NotRecommendable, Assert.Throws<RuleViolation>(() =>
            PackageListsDecider.Decide(Submit(), WithTable, Given((EnterpriseList, [Guid.CreateVersion7()])), Now)).Rule);

    [Fact]
    public void ReturningThePackageReopensOnlyTheListsThatWereSubmitted()
    {
        var a = Guid.CreateVersion7();
        var lists = Given((EnterpriseList, [a]));
        var submit = PackageListsDecider.Decide(Submit(a), WithTable, lists, Now);
        var package = WithTable.Apply((PackageSubmitted)submit[WithTable.Id].Single());
        var afterSubmission = lists.ToDictionary(l => l.Key, l => l.Key == EnterpriseList
            ? l.Value!.Apply((RecommendationListSubmitted)submit[l.Key].Single()) : l.Value);

        var decided = PackageListsDecider.Decide(new ReturnPackage(Campaign, "130000", "汇总表未盖章", "ministry"), package, afterSubmission, Now);

        Assert.IsType<PackageReturned>(Assert.Single(decided[WithTable.Id]));
        Assert.IsType<RecommendationListReopened>(Assert.Single(decided[EnterpriseList]));
        Assert.All(Lists.Where(id => id != EnterpriseList), id => Assert.Empty(decided[id]));
    }

    [Fact]
    public void RecommendingAddsToTheListAndLeavesTheCaseAsItIsThoughItIsPartOfTheWrite()
    {
        var candidate = new ReviewCase(Guid.CreateVersion7(), Campaign, "130000", ApplicationCategory.Enterprise, null, 3, 1, ReviewCaseStatus.Passed, new string('c', 64));

        var decided = RecommendationDecider.Decide(new RecommendCase(EnterpriseList, candidate.Id, "河北某某公司", Fifth, "officer"), null, candidate, Now);

        Assert.Equal(candidate.Id, Assert.IsType<ApplicationRecommended>(Assert.Single(decided[EnterpriseList])).ApplicationId);
        Assert.Empty(decided[candidate.Id]);
    }

    [Fact]
    public void RecommendingACaseThatIsNoLongerRecommendableIsRefused()
    {
        var withdrawn = new ReviewCase(Guid.CreateVersion7(), Campaign, "130000", ApplicationCategory.Enterprise, null, 3, 1, ReviewCaseStatus.Withdrawn, new string('c', 64));
        Assert.Equal(RecommendationRules.NotRecommendable, Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            new RecommendCase(EnterpriseList, withdrawn.Id, "河北某某公司", Fifth, "officer"), null, withdrawn, Now)).Rule);
        Assert.Equal(ReviewCaseRules.NotFound, Assert.Throws<RuleViolation>(() => RecommendationDecider.Decide(
            new RecommendCase(EnterpriseList, withdrawn.Id, "河北某某公司", Fifth, "officer"), null, null, Now)).Rule);
    }

    static SubmitPackageWithLists Submit(params Guid[] stamped) =>
        new(Campaign, "130000", Fifth, stamped.ToDictionary(id => id, _ => new string('s', 64)), "officer");

    /// <summary>The authority's four lists, the named ones holding those applications, the others never written.</summary>
    static Dictionary<Guid, RecommendationList?> Given(params (Guid List, Guid[] Entries)[] lists) => Lists.ToDictionary(id => id, id =>
        lists.FirstOrDefault(l => l.List == id).Entries is { } entries
            ? new RecommendationList(id, Campaign, "130000", RecommendationListKind.Enterprises, entries.Select(e => new RecommendationEntry(e, null, "某公司")).ToList())
            : null);
}
