using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Tests.Review;

public class PackageDeciderTests
{
    static readonly Guid Campaign = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 5, 30, 16, 0, 0, TimeSpan.FromHours(8));
    static readonly ReviewCampaign Fifth = ReviewCampaign.Create(new CampaignNoted(Campaign, 2023, 5, "第五批", new DateOnly(2023, 5, 31), [], Now.AddMonths(-2)));
    static readonly SummaryTableScanUploaded Table = new(Campaign, "130000", Guid.CreateVersion7(), "application/pdf", 1000, new string('t', 64), "officer", Now.AddHours(-1));
    static readonly IReadOnlyList<PackageEntry> Entries = [new(RecommendationListKind.Enterprises, 1, Guid.CreateVersion7(), "河北某某公司", new string('s', 64))];

    [Fact]
    public void APackageIsSubmittedWithAHashOverEveryEntryAndTheTable()
    {
        var submitted = Assert.IsType<PackageSubmitted>(Assert.Single(Decide(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), Table)));

        Assert.Equal(RecommendationPackage.HashOf(Campaign, "130000", Entries, Table.Sha256), submitted.ContentHash);
        Assert.NotEqual(submitted.ContentHash, RecommendationPackage.HashOf(Campaign, "130000",
            [Entries[0] with { StampedFormSha256 = new string('x', 64) }], Table.Sha256));
    }

    [Fact]
    public void WithoutTheStampedTableThereIsNoSubmission() =>
        Assert.Equal(PackageRules.TableScanRequired, Refused(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer")));

    [Fact]
    public void AnEmptyPackageIsRefused() =>
        Assert.Equal(PackageRules.Empty, Refused(new SubmitPackage(Campaign, "130000", Fifth, [], "officer"), Table));

    [Fact]
    public void APackageAfterTheDeadlineIsRefusedAndPassesUnderAnException()
    {
        var late = new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(RecommendationRules.DeadlinePassed, Refused(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), late, Table));
        var extended = Fifth.Apply(new RecommendationDeadlineExtended(Campaign, "130000", new DateOnly(2023, 6, 3), "系统故障", late));
        Assert.Single(Decide(new SubmitPackage(Campaign, "130000", extended, Entries, "officer"), late, Table));
    }

    [Fact]
    public void ASubmittedPackageIsFrozenUntilTheMinistryReturnsIt()
    {
        var submitted = (PackageSubmitted)Decide(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), Table).Single();
        Assert.Equal(PackageRules.Frozen, Refused(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), Table, submitted));
        Assert.Equal(PackageRules.Frozen, Refused(new UploadSummaryTableScan(Campaign, "130000", Guid.NewGuid(), "image/png", 1, "x", "officer"), Table, submitted));

        Assert.Equal(PackageRules.ReasonRequired, Refused(new ReturnPackage(Campaign, "130000", null, "ministry"), Table, submitted));
        var returned = (PackageReturned)Decide(new ReturnPackage(Campaign, "130000", "汇总表未盖章", "ministry"), Table, submitted).Single();
        Assert.Single(Decide(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), Table, submitted, returned));
    }

    [Fact]
    public void TheMinistryAcknowledgesASubmittedPackageOnce()
    {
        var submitted = (PackageSubmitted)Decide(new SubmitPackage(Campaign, "130000", Fifth, Entries, "officer"), Table).Single();
        var acknowledged = Assert.IsType<PackageAcknowledged>(Assert.Single(Decide(new AcknowledgePackage(Campaign, "130000", "ministry"), Table, submitted)));
        Assert.Equal([Entries[0].ApplicationId], acknowledged.ApplicationIds);
        Assert.Equal(PackageRules.NotSubmitted, Refused(new AcknowledgePackage(Campaign, "130000", "ministry"), Table, submitted, acknowledged));
    }

    static object[] Decide(PackageCommand command, params object[] history) => Decide(command, Now, history);

    static object[] Decide(PackageCommand command, DateTimeOffset at, params object[] history) =>
        PackageDecider.Decide(command, Given(history), at);

    static Rule Refused(PackageCommand command, params object[] history) => Refused(command, Now, history);

    static Rule Refused(PackageCommand command, DateTimeOffset at, params object[] history) =>
        Assert.Throws<RuleViolation>(() => Decide(command, at, history)).Rule;

    static RecommendationPackage? Given(object[] history) => history.Aggregate((RecommendationPackage?)null, (state, e) => e switch
    {
        SummaryTableScanUploaded x => state is null ? RecommendationPackage.Create(x) : state.Apply(x),
        PackageSubmitted x => state!.Apply(x),
        PackageAcknowledged x => state!.Apply(x),
        PackageReturned x => state!.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(history)),
    });
}
