using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// The ministry changes a campaign's expert-review settings (what it leaves out keeps its value; a category whose sheet
/// it leaves out keeps its sheet). <see cref="ScoredCategories"/>: the categories in which some expert has scored.
/// </summary>
public sealed record ChangeExpertReviewSettings(Guid CampaignId, int? ExpertsPerApplication, int? MaxLoadPerExpert, decimal? SpreadThreshold,
    IReadOnlyList<ScoringSheet>? Sheets, IReadOnlySet<ApplicationCategory> ScoredCategories, string By);

/// <summary>
/// Decides a change of the settings against the campaign's settings and its assignment board: the settings' own limits
/// (at least three experts per application), a sheet that no longer changes once its category has a score (the experts
/// scored against it), and a load limit no lower than the load an expert already carries.
/// </summary>
public static class ExpertReviewSettingsDecider
{
    public static object[] Decide(ChangeExpertReviewSettings c, ExpertReviewSettings? current, AssignmentBoard? board, DateTimeOffset now)
    {
        current ??= ExpertReviewSettings.Defaults(c.CampaignId);
        var experts = c.ExpertsPerApplication ?? current.ExpertsPerApplication;
        var load = c.MaxLoadPerExpert ?? current.MaxLoadPerExpert;
        var spread = c.SpreadThreshold ?? current.SpreadThreshold;
        if (ExpertReviewSettings.Problems(experts, load, spread, c.Sheets) is { Count: > 0 } errors)
            throw new RuleViolation(PlatformRules.Validation, errors: errors);
        var changed = (c.Sheets ?? []).Where(s => !SameSheet(s, current.SheetFor(s.Category))).ToList();
        if (changed.FirstOrDefault(s => c.ScoredCategories.Contains(s.Category)) is { } frozen)
            throw new RuleViolation(ExpertReviewRules.SheetFrozen, $"category: {frozen.Category}");
        var carried = CarriedLoad(board);
        if (load < carried) throw new RuleViolation(ExpertReviewRules.LoadBelowCarried, $"carried: {carried}");
        var sheets = current.Sheets.Select(s => changed.FirstOrDefault(r => r.Category == s.Category) ?? s).ToList();
        return [new ExpertReviewSettingsChanged(c.CampaignId, experts, load, spread, sheets, c.By, now)];
    }

    /// <summary>The most applications one expert of the campaign is assigned to.</summary>
    public static int CarriedLoad(AssignmentBoard? board) =>
        board?.ExpertsByApplication.Values.SelectMany(experts => experts).GroupBy(e => e).Max(g => (int?)g.Count()) ?? 0;

    static bool SameSheet(ScoringSheet a, ScoringSheet b) => a.Category == b.Category && a.PassTotal == b.PassTotal
        && a.TieBreakCriterion == b.TieBreakCriterion && a.Criteria.SequenceEqual(b.Criteria);
}
