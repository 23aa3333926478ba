using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.Filings;

public abstract record FilingCommand(Guid FilingId);

public sealed record SaveFilingDraft(Guid FilingId, EvaluationCampaign Campaign, Demonstration Demonstration, EvaluationMaterial Material, string By)
    : FilingCommand(FilingId);

public sealed record AttachFilingDocument(Guid FilingId, EvaluationCampaign Campaign, Demonstration Demonstration, FilingDocument Document, string By)
    : FilingCommand(FilingId);

public sealed record SubmitFiling(Guid FilingId, EvaluationCampaign Campaign, Demonstration Demonstration, string By) : FilingCommand(FilingId);

public sealed record AcknowledgeFiling(Guid FilingId, string By) : FilingCommand(FilingId);

public sealed record ReturnFiling(Guid FilingId, string? Comments, string By) : FilingCommand(FilingId);

public sealed record ExplainCannotFile(Guid FilingId, EvaluationCampaign Campaign, Demonstration Demonstration, BusinessStatus Status, DateOnly StatusDate,
    string Reason, FilingDocument Document, string By) : FilingCommand(FilingId);

public static class FilingRules
{
    public static readonly Rule Frozen = Rule.Conflict("filing-submitted",
        "评估材料已报送，不能再修改。", "The evaluation material has been submitted; it no longer changes.");
    public static readonly Rule Explained = Rule.Conflict("filing-explained",
        "推荐单位已说明该示范无法报送。", "The authority has explained that this demonstration cannot file.");
    public static readonly Rule MaterialRequired = Rule.Unprocessable("filing-material-required",
        "报送前须填写评估材料。", "Fill in the evaluation material before submitting.");
    public static readonly Rule DocumentsRequired = Rule.Unprocessable("filing-documents-required",
        "报送前须上传至少一份证明材料。", "Upload at least one supporting document before submitting.");
    public static readonly Rule YearsMissing = Rule.Unprocessable("filing-years-missing",
        "须填写入选以来每一年度的营业收入和服务收入。", "Give the operating and service revenue for every year since selection.");
    public static readonly Rule DeadlinePassed = Rule.Unprocessable("evaluation-deadline-passed",
        "评估材料报送截止日期已过（北京时间当日 24 时）。", "The evaluation material's deadline (end of day, China Standard Time) has passed.");
    public static readonly Rule NotDue = Rule.Unprocessable("filing-not-due",
        "本批次只评估此前各批的示范。", "A campaign evaluates the demonstrations of earlier batches only.");
    public static readonly Rule NotSubmitted = Rule.Conflict("filing-not-submitted",
        "评估材料尚未报送，或已受理、已退回。", "The filing is not awaiting intake (not submitted, or already acknowledged or returned).");
    public static readonly Rule CommentsRequired = Rule.Unprocessable("filing-return-comments-required",
        "退回时须填写意见。", "A returned filing needs the ministry's comments.");
    public static readonly Rule AlreadyFiled = Rule.Conflict("filing-already-submitted",
        "该示范已报送评估材料，无需说明。", "The demonstration has filed its material; no explanation is needed.");
    public static readonly Rule StatusDateInFuture = Rule.Unprocessable("explanation-status-date-future",
        "状态发生日期不能晚于今天。", "The status date cannot be after today.");
    public static readonly Rule TitleRevoked = Rule.Conflict("filing-title-revoked",
        "该示范称号已被撤销，不再报送评估材料。", "This demonstration's title was revoked; it no longer files evaluation material.");
    public static readonly Rule NotFound = Rule.NotFound("filing-not-found", "该示范没有评估材料。", "This demonstration has no filing.");
}

/// <summary>Decides what a filing command means, given the filing's state and the time.</summary>
public static class FilingDecider
{
    public static object[] Decide(FilingCommand command, EvaluationFiling? state, DateTimeOffset now) => command switch
    {
        SaveFilingDraft { Demonstration.Withdrawn: true } or AttachFilingDocument { Demonstration.Withdrawn: true } or SubmitFiling { Demonstration.Withdrawn: true }
            or ExplainCannotFile { Demonstration.Withdrawn: true } => throw new RuleViolation(DemonstrationRules.Withdrawn),
        // Only a demonstration the campaign covers (an earlier batch) files or is explained, and one whose title stands.
        SaveFilingDraft { Demonstration.Batch: var b, Campaign.Batch: var cb } when b >= cb => throw new RuleViolation(FilingRules.NotDue),
        AttachFilingDocument { Demonstration.Batch: var b, Campaign.Batch: var cb } when b >= cb => throw new RuleViolation(FilingRules.NotDue),
        SubmitFiling { Demonstration.Batch: var b, Campaign.Batch: var cb } when b >= cb => throw new RuleViolation(FilingRules.NotDue),
        ExplainCannotFile { Demonstration.Batch: var b, Campaign.Batch: var cb } when b >= cb => throw new RuleViolation(FilingRules.NotDue),
        SaveFilingDraft { Demonstration.Outcome: EvaluationOutcome.TitleRevoked } or AttachFilingDocument { Demonstration.Outcome: EvaluationOutcome.TitleRevoked }
            or SubmitFiling { Demonstration.Outcome: EvaluationOutcome.TitleRevoked } => throw new RuleViolation(FilingRules.TitleRevoked),
        SaveFilingDraft or AttachFilingDocument or SubmitFiling when state?.Status == FilingStatus.Explained => throw new RuleViolation(FilingRules.Explained),
        SaveFilingDraft or AttachFilingDocument or SubmitFiling when state?.Frozen == true => throw new RuleViolation(FilingRules.Frozen),
        SaveFilingDraft c => [new FilingDraftSaved(c.FilingId, c.Campaign.Id, c.Demonstration.Id, c.Demonstration.AuthorityCode, c.Material, c.By, now)],
        AttachFilingDocument c => [new FilingDocumentAttached(c.FilingId, c.Campaign.Id, c.Demonstration.Id, c.Demonstration.AuthorityCode, c.Document, c.By, now)],
        SubmitFiling c when c.Campaign.IsPast(c.Demonstration.AuthorityCode, now) => throw new RuleViolation(FilingRules.DeadlinePassed),
        SubmitFiling when state?.Material is null => throw new RuleViolation(FilingRules.MaterialRequired),
        SubmitFiling c when MissingYears(c.Demonstration, c.Campaign, state.Material).Any() => throw new RuleViolation(FilingRules.YearsMissing,
            string.Join("、", MissingYears(c.Demonstration, c.Campaign, state.Material))),
        SubmitFiling when state.Documents.Count == 0 => throw new RuleViolation(FilingRules.DocumentsRequired),
        SubmitFiling c => [new FilingSubmitted(c.FilingId, state.CampaignId, state.DemonstrationId, state.AuthorityCode, state.Material, state.Documents,
            EvaluationFiling.HashOf(c.FilingId, state.CampaignId, state.DemonstrationId, state.AuthorityCode, state.Material, state.Documents), c.By, now)],
        ExplainCannotFile when state?.Frozen == true => throw new RuleViolation(FilingRules.AlreadyFiled),
        ExplainCannotFile c when c.StatusDate > ChinaTime.DayOf(now) => throw new RuleViolation(FilingRules.StatusDateInFuture),
        ExplainCannotFile c => [new CannotFileExplained(c.FilingId, c.Campaign.Id, c.Demonstration.Id, c.Demonstration.AuthorityCode,
            c.Demonstration.Batch, c.Demonstration.Category, c.Demonstration.Name, c.Demonstration.CreditCode, c.Status, c.StatusDate, c.Reason,
            c.Document, c.By, now)],
        _ when state is null => throw new RuleViolation(FilingRules.NotFound),
        AcknowledgeFiling when state.Status != FilingStatus.Submitted => throw new RuleViolation(FilingRules.NotSubmitted),
        AcknowledgeFiling c => [new FilingAcknowledged(c.FilingId, c.By, now)],
        ReturnFiling when state.Status != FilingStatus.Submitted => throw new RuleViolation(FilingRules.NotSubmitted),
        ReturnFiling { Comments: null or "" } => throw new RuleViolation(FilingRules.CommentsRequired),
        ReturnFiling c => [new FilingReturned(c.FilingId, c.Comments!, c.By, now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown filing command."),
    };

    /// <summary>The years from selection up to the year before the campaign's that the material gives no figures for.</summary>
    public static IEnumerable<int> MissingYears(Demonstration demonstration, EvaluationCampaign campaign, EvaluationMaterial material) =>
        demonstration.Year is { } selected && selected < campaign.Year
            ? Enumerable.Range(selected, campaign.Year - selected).Where(y => material.Years.All(f => f.Year != y))
            : [];
}
