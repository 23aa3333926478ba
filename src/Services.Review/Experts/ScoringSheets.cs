using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>One criterion of a scoring sheet (评分细则).</summary>
/// <param name="Code">评分项代码 / The criterion's code.</param>
/// <param name="NameZh">评分项名称（中文） / Its name in Chinese.</param>
/// <param name="NameEn">评分项名称（英文） / Its name in English.</param>
/// <param name="Weight">权重（各项权重之和为 100，总分满分 100） / Its weight (the weights add up to 100; the total is out of 100).</param>
/// <param name="MaxScore">本项满分（专家在 0 至满分之间打分） / The highest score of the criterion (experts score 0 to it).</param>
/// <param name="PassScore">本项合格线（合议分低于此线不通过） / The criterion's pass threshold (an agreed score below it fails).</param>
public sealed record Criterion(string Code, string NameZh, string NameEn, decimal Weight, decimal MaxScore, decimal PassScore);

/// <summary>A category's scoring sheet: its criteria, the overall pass threshold and the tie-break criterion.</summary>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="Criteria">评分项 / The criteria.</param>
/// <param name="PassTotal">总分合格线（满分 100） / The overall pass threshold (out of 100).</param>
/// <param name="TieBreakCriterion">总分相同时比较的评分项（服务型制造模式项） / The criterion compared when totals tie (the service-mode criterion).</param>
public sealed record ScoringSheet(ApplicationCategory Category, IReadOnlyList<Criterion> Criteria, decimal PassTotal, string TieBreakCriterion)
{
    /// <summary>The weighted total, out of 100: each score as a share of its criterion's maximum, times its weight.</summary>
    public decimal TotalOf(IReadOnlyList<CriterionScore> scores) => Math.Round(Criteria.Sum(c =>
        (scores.FirstOrDefault(s => s.Criterion == c.Code)?.Score ?? 0) / c.MaxScore * c.Weight), 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether every criterion reaches its threshold and the total reaches the overall one.</summary>
    public bool Passes(IReadOnlyList<CriterionScore> scores) =>
        Criteria.All(c => (scores.FirstOrDefault(s => s.Criterion == c.Code)?.Score ?? 0) >= c.PassScore) && TotalOf(scores) >= PassTotal;

    /// <summary>What is wrong with <paramref name="scores"/> for this sheet, by field (empty: a score for each criterion, within range).</summary>
    public Dictionary<string, string[]> Problems(IReadOnlyList<CriterionScore>? scores)
    {
        var errors = new Dictionary<string, string[]>();
        scores ??= [];
        if (scores.Any(s => s is null || s.Criterion is null))
        {
            errors["scores"] = ["每项评分须给出评分项代码与得分。 / Each score names its criterion and its score."];
            return errors;
        }
        foreach (var c in Criteria)
            if (scores.Count(s => s.Criterion == c.Code) != 1 || scores.First(s => s.Criterion == c.Code).Score is var v && (v < 0 || v > c.MaxScore))
                errors[$"scores.{c.Code}"] = [$"请为“{c.NameZh}”打 0 至 {c.MaxScore} 分（一次）。 / Score '{c.NameEn}' once, from 0 to {c.MaxScore}."];
        foreach (var extra in scores.Select(s => s.Criterion).Where(code => Criteria.All(c => c.Code != code)).Distinct())
            errors[$"scores.{extra}"] = ["本类别没有该评分项。 / This category's sheet has no such criterion."];
        return errors;
    }
}

/// <summary>One criterion's score.</summary>
/// <param name="Criterion">评分项代码 / The criterion's code.</param>
/// <param name="Score">得分 / The score.</param>
public sealed record CriterionScore(string Criterion, decimal Score);

/// <summary>The ministry set a campaign's expert-review settings (campaign data).</summary>
public sealed record ExpertReviewSettingsChanged(Guid CampaignId, int ExpertsPerApplication, int MaxLoadPerExpert, decimal SpreadThreshold,
    IReadOnlyList<ScoringSheet> Sheets, string ChangedBy, DateTimeOffset At);

/// <summary>
/// A campaign's expert-review settings: how many experts per application (at least), how many applications per expert
/// (at most), the score spread (in total points) above which the experts' scores are flagged, and the scoring sheets.
/// Until the ministry sets them, <see cref="Defaults"/> hold.
/// </summary>
/// <param name="Id">设置流编号 / The settings' stream id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="ExpertsPerApplication">每份申报至少分配的专家数 / How many experts each application gets, at least.</param>
/// <param name="MaxLoadPerExpert">每位专家至多评审的申报数 / How many applications an expert reviews, at most.</param>
/// <param name="SpreadThreshold">专家总分极差超过此值时标记 / The spread of the experts' totals above which they are flagged.</param>
/// <param name="Sheets">各类别评分表 / The scoring sheets, per category.</param>
public sealed record ExpertReviewSettings(Guid Id, Guid CampaignId, int ExpertsPerApplication, int MaxLoadPerExpert, decimal SpreadThreshold,
    IReadOnlyList<ScoringSheet> Sheets)
{
    public static Guid IdFor(Guid campaignId) => StreamIds.For("expert-review-settings", campaignId.ToString());

    public static ExpertReviewSettings Create(ExpertReviewSettingsChanged e) =>
        new(IdFor(e.CampaignId), e.CampaignId, e.ExpertsPerApplication, e.MaxLoadPerExpert, e.SpreadThreshold, e.Sheets);

    public ExpertReviewSettings Apply(ExpertReviewSettingsChanged e) => Create(e);

    public ScoringSheet SheetFor(ApplicationCategory category) => Sheets.Single(s => s.Category == category);

    /// <summary>Three experts per application, at most twelve applications each, totals more than 15 points apart flagged.</summary>
    public static ExpertReviewSettings Defaults(Guid campaignId) => new(IdFor(campaignId), campaignId, 3, 12, 15m, DefaultSheets);

    /// <summary>
    /// Drawn from the notice (工信厅政法函〔2023〕42号): enterprises by their service-oriented mode, their transformation
    /// measures and results, their edge in the industry and their service revenue (in principle 30%); platforms by their mode
    /// and functions, the resources they gather and share, and their results; cities by their policies, effort, results and
    /// supporting system. The service-mode criterion (for cities: results) breaks ties.
    /// </summary>
    public static IReadOnlyList<ScoringSheet> DefaultSheets { get; } =
    [
        new(ApplicationCategory.Enterprise,
        [
            new("serviceMode", "服务型制造模式特色", "Distinctive service-oriented mode", 30, 10, 6),
            new("transformation", "转型举措（战略、组织、技术、流程、市场、人才）", "Transformation measures", 25, 10, 6),
            new("results", "转型成效", "Results of the transformation", 25, 10, 6),
            new("industryStrength", "行业优势（生产技术与工艺、服务能力与水平）", "Edge in the industry", 10, 10, 5),
            new("serviceRevenue", "服务收入占比", "Share of service revenue", 10, 10, 5),
        ], 70, "serviceMode"),
        new(ApplicationCategory.Platform,
        [
            new("serviceMode", "服务模式与功能创新", "Service mode and functions", 30, 10, 6),
            new("resources", "资源集聚与共享、在线服务能力", "Resources gathered and shared, online services", 25, 10, 6),
            new("results", "提升效率、降低成本的成效", "Results: efficiency up, costs down", 30, 10, 6),
            new("operations", "运营与服务体系", "Operations and service system", 15, 10, 5),
        ], 70, "serviceMode"),
        new(ApplicationCategory.City,
        [
            new("policies", "政策举措", "Policies and measures", 25, 10, 6),
            new("effort", "工作力度", "Effort", 15, 10, 5),
            new("results", "转型成效与示范带动", "Results and example to others", 35, 10, 6),
            new("supportSystem", "支撑体系（公共服务、人才、生产性服务业）", "Supporting system", 25, 10, 6),
        ], 70, "results"),
    ];

    /// <summary>What is wrong with these settings, by field (empty: they may be used).</summary>
    public static Dictionary<string, string[]> Problems(int experts, int maxLoad, decimal spread, IReadOnlyList<ScoringSheet>? sheets)
    {
        var errors = new Dictionary<string, string[]>();
        if (experts is < 3 or > 15) errors["expertsPerApplication"] = ["每份申报 3 至 15 位专家。 / From 3 to 15 experts per application."];
        if (maxLoad is < 1 or > 500) errors["maxLoadPerExpert"] = ["每位专家 1 至 500 份。 / From 1 to 500 applications per expert."];
        if (spread is <= 0 or > 100) errors["spreadThreshold"] = ["极差阈值在 0 至 100 分之间。 / The spread threshold is above 0 and at most 100."];
        if (sheets is null) return errors;
        if (sheets.Any(s => s is null || !Enum.IsDefined(s.Category) || s.Criteria is null || s.Criteria.Any(c => c is null)))
        {
            errors["sheets"] = ["评分表及其评分项不能为空。 / A sheet and its criteria cannot be null."];
            return errors;
        }
        foreach (var category in Enum.GetValues<ApplicationCategory>())
            if (sheets.Count(s => s.Category == category) > 1)
                errors[$"sheets.{category}"] = ["每个类别一张评分表。 / One sheet per category."];
        foreach (var sheet in sheets)
        {
            var field = $"sheets.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(sheet.Category.ToString())}";
            var criteria = sheet.Criteria ?? [];
            if (criteria.Count is 0 or > 20 || criteria.Sum(c => c.Weight) != 100 || criteria.Any(c => c.Weight <= 0 || c.MaxScore <= 0
                    || c.PassScore < 0 || c.PassScore > c.MaxScore || string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > 40
                    || string.IsNullOrWhiteSpace(c.NameZh) || c.NameZh.Length > 100 || (c.NameEn?.Length ?? 0) > 100)
                || criteria.Select(c => c.Code).Distinct().Count() != criteria.Count)
                errors[field] = ["1 至 20 个评分项，代码不重复，权重为正且和为 100，满分为正，合格线在 0 至满分之间。 / " +
                    "1 to 20 criteria with distinct codes, positive weights adding up to 100, a positive maximum and a threshold from 0 to it."];
            else if (sheet.PassTotal is < 0 or > 100 || criteria.All(c => c.Code != sheet.TieBreakCriterion))
                errors[field] = ["总分合格线在 0 至 100 之间，并指明比较的评分项。 / The overall threshold is 0 to 100, and the tie-break criterion is one of the criteria."];
        }
        return errors;
    }
}
