using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

/// <summary>The expert review settings' rules (frozen sheets, load limits, the sheets themselves) and the ranking's order.</summary>
public partial class ExpertReviewDeciderTests
{
    [Fact]
    public void TheRankingOrdersByTotalThenTheServiceModeCriterionThenTheEarlierSubmission()
    {
        ReviewCaseDetails Case(string name, int minute) => new(Guid.CreateVersion7(), 1, Campaign, ApplicationCategory.Enterprise, null, "customization",
            name, HebeiApplicant, "130000", null, null, ReviewCaseStatus.Passed, 1, [], "", null, [], Now.AddMinutes(minute), Now);
        Consensus With(decimal serviceMode, decimal total) => new([new("serviceMode", serviceMode)], total, true, "", "ministry", Now);
        var (late, early, stronger, best) = (Case("晚提交", 5), Case("早提交", 1), Case("模式分高", 9), Case("总分最高", 9));
        var ranked = Ranking.Of(EnterpriseSheet, [(late, With(8, 80)), (early, With(8, 80)), (stronger, With(9, 80)), (best, With(5, 90))]);
        Assert.Equal(["总分最高", "模式分高", "早提交", "晚提交"], ranked.Select(r => r.OrganisationName));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
        // Each row says what placed it below the one before it, and which criterion breaks ties.
        Assert.Equal([RankPlacement.First, RankPlacement.Total, RankPlacement.TieBreakCriterion, RankPlacement.SubmittedAt],
            ranked.Select(r => r.PlacedBy));
        Assert.All(ranked, r => Assert.Equal(EnterpriseSheet.TieBreakCriterion, r.TieBreakCriterion));
        var twin = Case("同分同时", 5);
        Assert.Equal(RankPlacement.ApplicationId, Ranking.Of(EnterpriseSheet, [(late, With(8, 80)), (twin, With(8, 80))])[1].PlacedBy);
    }

    static ChangeExpertReviewSettings SettingsChange(int? experts = null, int? load = null, IReadOnlyList<ScoringSheet>? sheets = null,
        params ApplicationCategory[] scored) => new(Campaign, experts, load, null, sheets, scored.ToHashSet(), "ministry");

    [Fact]
    public void ACategorysScoringSheetIsFrozenOnceAnExpertHasScoredInIt()
    {
        var reweighed = EnterpriseSheet with { PassTotal = 60 };
        Assert.Equal(ExpertReviewRules.SheetFrozen, Refused(() => ExpertReviewSettingsDecider.Decide(
            SettingsChange(sheets: [reweighed], scored: ApplicationCategory.Enterprise), null, null, Now)).Rule);
        // The same sheet sent again, another category's sheet, or the spread threshold: still allowed.
        var same = EnterpriseSheet with { Criteria = [.. EnterpriseSheet.Criteria] };
        var cities = Settings.SheetFor(ApplicationCategory.City) with { PassTotal = 75 };
        var changed = Assert.IsType<ExpertReviewSettingsChanged>(Assert.Single(ExpertReviewSettingsDecider.Decide(
            SettingsChange(sheets: [same, cities], scored: ApplicationCategory.Enterprise) with { SpreadThreshold = 20 }, null, null, Now)));
        Assert.Equal((75m, 70m, 20m), (changed.Sheets.Single(s => s.Category == ApplicationCategory.City).PassTotal,
            changed.Sheets.Single(s => s.Category == ApplicationCategory.Enterprise).PassTotal, changed.SpreadThreshold));
        Assert.Equal(60m, Assert.IsType<ExpertReviewSettingsChanged>(Assert.Single(ExpertReviewSettingsDecider.Decide(
            SettingsChange(sheets: [reweighed]), null, null, Now))).Sheets.Single(s => s.Category == ApplicationCategory.Enterprise).PassTotal);
    }

    [Fact]
    public void TheLoadLimitDoesNotGoBelowTheLoadAnExpertCarriesNorTheExpertsPerApplicationBelowThree()
    {
        var board = Board((Application(minute: 1), "a"), (Application(minute: 2), "a"), (Application(minute: 3), "a"), (Application(minute: 4), "b"));
        Assert.Equal(3, ExpertReviewSettingsDecider.CarriedLoad(board));
        Assert.Equal(ExpertReviewRules.LoadBelowCarried, Refused(() => ExpertReviewSettingsDecider.Decide(SettingsChange(load: 2), Settings, board, Now)).Rule);
        Assert.Equal(3, Assert.IsType<ExpertReviewSettingsChanged>(Assert.Single(ExpertReviewSettingsDecider.Decide(
            SettingsChange(load: 3), Settings, board, Now))).MaxLoadPerExpert);
        var tooFew = Refused(() => ExpertReviewSettingsDecider.Decide(SettingsChange(experts: 2), Settings, board, Now));
        Assert.Equal((PlatformRules.Validation, true), (tooFew.Rule, tooFew.Errors!.ContainsKey("expertsPerApplication")));
    }

    [Fact]
    public void TheDefaultSheetsWeighUpTo100AndTheSettingsRulesRefuseBadSheets()
    {
        Assert.All(ExpertReviewSettings.DefaultSheets, s => Assert.Equal(100, s.Criteria.Sum(c => c.Weight)));
        Assert.Empty(ExpertReviewSettings.Problems(3, 12, 15, ExpertReviewSettings.DefaultSheets));
        Assert.Contains("expertsPerApplication", ExpertReviewSettings.Problems(2, 12, 15, null).Keys);
        var skewed = EnterpriseSheet with { Criteria = [.. EnterpriseSheet.Criteria.Skip(1)] };
        Assert.Contains("sheets.enterprise", ExpertReviewSettings.Problems(3, 12, 15, [skewed]).Keys);
    }
}
