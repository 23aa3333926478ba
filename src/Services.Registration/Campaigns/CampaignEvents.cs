using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>The ministry opened a campaign (a batch of selection) with its rules, dates and quotas.</summary>
public sealed record CampaignOpened(
    Guid CampaignId, int Year, int Batch, string Name, DateOnly EligibilityWindowStart, int PlatformMinimumOperatingYears,
    decimal EnterpriseServiceRevenueShare, CampaignDeadlines Deadlines, IReadOnlyList<QuotaRow> Quotas, DateTimeOffset OpenedAt);

/// <summary>The campaign takes no more applications.</summary>
public sealed record CampaignClosed(Guid CampaignId, DateTimeOffset ClosedAt);

/// <summary>The ministry moved one deadline for one authority, with a reason and an approver.</summary>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="Deadline">延后的截止日期 / Which deadline.</param>
/// <param name="Until">新的截止日期 / The new date.</param>
/// <param name="Reason">理由 / Why.</param>
/// <param name="ApprovedBy">批准人 / Who approved it.</param>
/// <param name="GrantedAt">批准时间 / When.</param>
public sealed record DeadlineExceptionGranted(
    Guid CampaignId, string AuthorityCode, DeadlineKind Deadline, DateOnly Until, string Reason, string ApprovedBy, DateTimeOffset GrantedAt);
