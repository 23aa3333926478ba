using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

public abstract record DemonstrationCommand(Guid DemonstrationId);

/// <summary>The roster entry as entered, imported or selected: what the demonstration is.</summary>
public sealed record RosterFacts(int Batch, DemonstrationCategory Category, string Name, string? CreditCode, string AuthorityCode, int? Year, string? Mode);

/// <summary>The ministry enters one demonstration of batches 1-4 by hand.</summary>
public sealed record EnrollDemonstration(Guid DemonstrationId, RosterFacts Facts) : DemonstrationCommand(DemonstrationId);

/// <summary>An imported row: a new demonstration, a correction of one known, or nothing new.</summary>
public sealed record RecordRosterRow(Guid DemonstrationId, RosterFacts Facts, string By) : DemonstrationCommand(DemonstrationId);

/// <summary>The ministry corrects a roster entry.</summary>
public sealed record CorrectDemonstration(Guid DemonstrationId, RosterFacts Facts, string By) : DemonstrationCommand(DemonstrationId);

/// <summary>Review's selection of a later batch's demonstration.</summary>
public sealed record NoteSelection(Guid DemonstrationId, RosterFacts Facts, Guid ApplicationId, DateTimeOffset SelectedAt) : DemonstrationCommand(DemonstrationId);

/// <summary>The ministry withdraws a roster entry made in error.</summary>
public sealed record WithdrawDemonstration(Guid DemonstrationId, string Reason, string By) : DemonstrationCommand(DemonstrationId);

/// <summary>The ministry's outcome of the evaluation.</summary>
public sealed record EvaluateDemonstration(Guid DemonstrationId, EvaluationOutcome Outcome, string Reasons, DateOnly? RectificationDue, string By)
    : DemonstrationCommand(DemonstrationId);

public static class DemonstrationRules
{
    public static readonly Rule EarlierBatchesOnly = Rule.Unprocessable("demonstration-earlier-batch",
        "评估评价仅针对前四批示范（第 1 至 4 批）。", "Evaluation covers the demonstrations of batches 1 to 4 only.");
    public static readonly Rule AlreadyEnrolled = Rule.Conflict("demonstration-exists",
        "该示范已在名单中。", "This demonstration is already on the roster.");
    public static readonly Rule NotFound = Rule.NotFound("demonstration-not-found",
        "示范不存在。", "The demonstration does not exist.");
    public static readonly Rule KeyUnchangeable = Rule.Unprocessable("demonstration-key-unchangeable",
        "批次、类别和统一社会信用代码是名单的识别依据，不能更正；请录入正确的示范并撤回错误的一条。",
        "The batch, category and credit code identify a roster entry and cannot be corrected: enter the right one and withdraw the wrong one.");
    public static readonly Rule Withdrawn = Rule.Conflict("demonstration-withdrawn",
        "该名单条目已作为误录撤回，不再录入、更正或评估。", "This roster entry was withdrawn as made in error; it is no longer entered, corrected or evaluated.");
    public static readonly Rule WithdrawalReasonRequired = Rule.Unprocessable("demonstration-withdrawal-reason-required",
        "撤回误录的名单条目须说明理由。", "Withdrawing a roster entry made in error needs the reason.");
    public static readonly Rule ReasonsRequired = Rule.Unprocessable("evaluation-reasons-required",
        "评估结果须说明理由。", "An evaluation outcome needs its reasons.");
    public static readonly Rule RectificationDueRequired = Rule.Unprocessable("rectification-due-required",
        "限期整改须给出晚于今天的整改期限。", "Needing rectification requires a due date after today.");
    public static readonly Rule TitleAlreadyRevoked = Rule.Conflict("title-revoked",
        "该示范称号已被撤销，不再评估。", "This demonstration's title was revoked; it is no longer evaluated.");
}

/// <summary>Decides what a roster command means, given the demonstration's state and the time.</summary>
public static class DemonstrationDecider
{
    public static object[] Decide(DemonstrationCommand command, Demonstration? state, DateTimeOffset now) => command switch
    {
        EnrollDemonstration { Facts.Batch: < 1 or > 4 } or RecordRosterRow { Facts.Batch: < 1 or > 4 } =>
            throw new RuleViolation(DemonstrationRules.EarlierBatchesOnly),
        // A withdrawn entry stays withdrawn: entering or importing it again is refused (the row names why), a selection is ignored.
        EnrollDemonstration or RecordRosterRow when state is { Withdrawn: true } => throw new RuleViolation(DemonstrationRules.Withdrawn),
        EnrollDemonstration c when state is null => [Enrolled(c.DemonstrationId, c.Facts, now)],
        EnrollDemonstration => throw new RuleViolation(DemonstrationRules.AlreadyEnrolled),
        RecordRosterRow c when state is null => [Enrolled(c.DemonstrationId, c.Facts, now)],
        RecordRosterRow c => Correct(state, c.Facts, c.By, now),
        NoteSelection c when state is null => [Enrolled(c.DemonstrationId, c.Facts, c.SelectedAt) with { ApplicationId = c.ApplicationId }],
        NoteSelection => [],
        _ when state is null => throw new RuleViolation(DemonstrationRules.NotFound),
        _ when state.Withdrawn => throw new RuleViolation(DemonstrationRules.Withdrawn),
        CorrectDemonstration c => Correct(state, c.Facts, c.By, now),
        WithdrawDemonstration c when string.IsNullOrWhiteSpace(c.Reason) => throw new RuleViolation(DemonstrationRules.WithdrawalReasonRequired),
        WithdrawDemonstration c => [new DemonstrationWithdrawn(state.Id, state.Batch, state.Category, state.Name, state.CreditCode, state.AuthorityCode,
            c.Reason.Trim(), c.By, now)],
        EvaluateDemonstration when state.Batch is < 1 or > 4 => throw new RuleViolation(DemonstrationRules.EarlierBatchesOnly),
        EvaluateDemonstration when state.Outcome == EvaluationOutcome.TitleRevoked => throw new RuleViolation(DemonstrationRules.TitleAlreadyRevoked),
        EvaluateDemonstration c when string.IsNullOrWhiteSpace(c.Reasons) => throw new RuleViolation(DemonstrationRules.ReasonsRequired),
        EvaluateDemonstration { Outcome: EvaluationOutcome.NeedsRectification } c when c.RectificationDue is not { } due || due <= ChinaTime.DayOf(now) =>
            throw new RuleViolation(DemonstrationRules.RectificationDueRequired),
        EvaluateDemonstration c => [new DemonstrationOutcomeRecorded(state.Id, state.Batch, state.Category, state.Name, state.CreditCode,
            state.AuthorityCode, c.Outcome, c.Reasons.Trim(), c.Outcome == EvaluationOutcome.NeedsRectification ? c.RectificationDue : null, c.By, now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown roster command."),
    };

    static DemonstrationEnrolled Enrolled(Guid id, RosterFacts f, DateTimeOffset at) =>
        new(id, f.Batch, f.Category, f.Name, f.CreditCode, f.AuthorityCode, at, f.Year, f.Mode);

    /// <summary>A correction changes what the row says beyond its key; the same facts again change nothing.</summary>
    static object[] Correct(Demonstration state, RosterFacts f, string by, DateTimeOffset now)
    {
        if (f.Batch != state.Batch || f.Category != state.Category || (f.CreditCode ?? "") != (state.CreditCode ?? ""))
            throw new RuleViolation(DemonstrationRules.KeyUnchangeable);
        var unchanged = f.Name == state.Name && f.AuthorityCode == state.AuthorityCode && f.Year == state.Year && f.Mode == state.Mode;
        return unchanged ? []
            : [new DemonstrationCorrected(state.Id, f.Batch, f.Category, f.Name, f.CreditCode, f.AuthorityCode, f.Year, f.Mode, by, now)];
    }
}
