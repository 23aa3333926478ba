using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>What the auditors' history says of each demonstration event (one place; a test fails for an event with none).</summary>
static class DemonstrationHistory
{
    public static EventHistory DescribeDemonstrations(this EventHistory history) => history
        .Describe<DemonstrationEnrolled>(e => new($"第 {e.Batch} 批示范 {e.Name} 纳入评估名单", $"Batch {e.Batch} demonstration {e.Name} enrolled for evaluation")
            // One selected from an application: the demonstration's stream (and the filings about it) are in its history.
            { Authority = e.AuthorityCode, Applications = e.ApplicationId is { } application ? [application] : [] })
        .Describe<DemonstrationCorrected>(e => new(
            $"{e.CorrectedBy} 更正评估名单：第 {e.Batch} 批{CategoryZh(e.Category)} {e.Name}（{e.AuthorityCode}{(e.CreditCode is { } c ? $"，{c}" : "")}）",
            $"{e.CorrectedBy} corrected the roster entry: batch {e.Batch} {CategoryEn(e.Category)} {e.Name} ({e.AuthorityCode}{(e.CreditCode is { } d ? $", {d}" : "")})")
            { Authority = e.AuthorityCode })
        .Describe<DemonstrationOutcomeRecorded>(e => new(
            $"{e.EvaluatedBy} 记录第 {e.Batch} 批示范 {e.Name} 的评估结果：{OutcomeZh(e.Outcome)}{(e.RectificationDue is { } due ? $"（整改期限 {due:yyyy-MM-dd}）" : "")}；理由：{e.Reasons}",
            $"{e.EvaluatedBy} recorded the evaluation outcome of batch {e.Batch} demonstration {e.Name}: {OutcomeEn(e.Outcome)}{(e.RectificationDue is { } by ? $" (rectify by {by:yyyy-MM-dd})" : "")}; reasons: {e.Reasons}")
            { Authority = e.AuthorityCode })
        .Describe<DemonstrationWithdrawn>(e => new(
            $"{e.WithdrawnBy} 撤回误录的名单条目：第 {e.Batch} 批{CategoryZh(e.Category)} {e.Name}（{e.AuthorityCode}{(e.CreditCode is { } c ? $"，{c}" : "")}）；理由：{e.Reason}",
            $"{e.WithdrawnBy} withdrew the roster entry made in error: batch {e.Batch} {CategoryEn(e.Category)} {e.Name} ({e.AuthorityCode}{(e.CreditCode is { } d ? $", {d}" : "")}); reason: {e.Reason}")
            { Authority = e.AuthorityCode });

    internal static string CategoryZh(DemonstrationCategory category) => category switch
    {
        DemonstrationCategory.Enterprise => "示范企业",
        DemonstrationCategory.Platform => "示范平台",
        DemonstrationCategory.Project => "示范项目",
        _ => "示范城市",
    };

    internal static string CategoryEn(DemonstrationCategory category) => category switch
    {
        DemonstrationCategory.Enterprise => "demonstration enterprise",
        DemonstrationCategory.Platform => "demonstration platform",
        DemonstrationCategory.Project => "demonstration project",
        _ => "demonstration city",
    };

    static string OutcomeZh(EvaluationOutcome outcome) => outcome switch
    {
        EvaluationOutcome.Pass => "通过",
        EvaluationOutcome.NeedsRectification => "限期整改",
        EvaluationOutcome.Fail => "不通过",
        _ => "撤销称号",
    };

    static string OutcomeEn(EvaluationOutcome outcome) => outcome switch
    {
        EvaluationOutcome.Pass => "passed",
        EvaluationOutcome.NeedsRectification => "to rectify",
        EvaluationOutcome.Fail => "failed",
        _ => "title revoked",
    };
}
