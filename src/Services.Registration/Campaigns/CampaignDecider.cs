using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Campaigns;

public abstract record CampaignCommand(Guid CampaignId);

/// <summary>Open a campaign; <see cref="OpenCampaignId"/> is the campaign that takes applications now, if any.</summary>
public sealed record OpenCampaign(
    Guid CampaignId, int Year, int Batch, string Name, DateOnly EligibilityWindowStart, int PlatformMinimumOperatingYears,
    decimal EnterpriseServiceRevenueShare, CampaignDeadlines Deadlines, IReadOnlyList<QuotaRow> Quotas,
    Guid? OpenCampaignId = null) : CampaignCommand(CampaignId);

public sealed record CloseCampaign(Guid CampaignId) : CampaignCommand(CampaignId);

public sealed record GrantDeadlineException(
    Guid CampaignId, string AuthorityCode, DeadlineKind Deadline, DateOnly Until, string Reason, string ApprovedBy)
    : CampaignCommand(CampaignId);

public static class CampaignRules
{
    public static readonly Rule NotFound = Rule.NotFound("campaign-not-found", "遴选批次不存在。", "The campaign does not exist.");
    public static readonly Rule OneOpenAtATime = Rule.Conflict("one-campaign-at-a-time",
        "同一时间只能有一个批次接受申报，请先关闭当前批次。", "Only one campaign takes applications at a time; close the current one first.");
    public static readonly Rule AlreadyExists = Rule.Conflict("campaign-exists", "该批次已存在。", "This campaign already exists.");
    public static readonly Rule AlreadyClosed = Rule.Conflict("campaign-closed", "该批次已停止接受申报。", "The campaign no longer takes applications.");
    public static readonly Rule QuotaForEveryAuthorityType = Rule.Unprocessable("quota-table-incomplete",
        "推荐名额表须覆盖每一类推荐单位。", "The quota table must give one row for every type of recommending authority.");
    public static readonly Rule ExceptionExtends = Rule.Unprocessable("exception-must-extend",
        "例外截止日期须晚于批次截止日期。", "An exception must move the deadline later than the campaign's.");
}

/// <summary>Decides what a campaign command means, given the campaign's state and the time.</summary>
public static class CampaignDecider
{
    public static object[] Decide(CampaignCommand command, Campaign? state, DateTimeOffset now) => command switch
    {
        OpenCampaign c when state is not null => throw new RuleViolation(CampaignRules.AlreadyExists),
        OpenCampaign { OpenCampaignId: not null } => throw new RuleViolation(CampaignRules.OneOpenAtATime),
        OpenCampaign c when Enum.GetValues<AuthorityType>().Any(t => c.Quotas.Count(q => q.AuthorityType == t) != 1) =>
            throw new RuleViolation(CampaignRules.QuotaForEveryAuthorityType),
        OpenCampaign c => [new CampaignOpened(c.CampaignId, c.Year, c.Batch, c.Name, c.EligibilityWindowStart,
            c.PlatformMinimumOperatingYears, c.EnterpriseServiceRevenueShare, c.Deadlines, c.Quotas, now)],
        _ when state is null => throw new RuleViolation(CampaignRules.NotFound),
        CloseCampaign when !state.TakesApplications => throw new RuleViolation(CampaignRules.AlreadyClosed),
        CloseCampaign => [new CampaignClosed(state.Id, now)],
        GrantDeadlineException c when c.Until <= state.DeadlineFor(c.AuthorityCode, c.Deadline) =>
            throw new RuleViolation(CampaignRules.ExceptionExtends),
        GrantDeadlineException c => [new DeadlineExceptionGranted(state.Id, c.AuthorityCode, c.Deadline, c.Until, c.Reason, c.ApprovedBy, now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown campaign command."),
    };
}
