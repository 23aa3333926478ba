using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>The ministry opened a campaign (a batch of selection) with its rules, dates and quotas.</summary>
public sealed record CampaignOpened(
    Guid CampaignId, int Year, int Batch, string Name, DateOnly EligibilityWindowStart, int PlatformMinimumOperatingYears,
    decimal EnterpriseServiceRevenueShare, CampaignDeadlines Deadlines, IReadOnlyList<QuotaRow> Quotas, DateTimeOffset OpenedAt);

/// <summary>The campaign takes no more applications.</summary>
public sealed record CampaignClosed(Guid CampaignId, DateTimeOffset ClosedAt);

/// <summary>The ministry moved one deadline for one authority, with a reason and an approver.</summary>
public sealed record DeadlineExceptionGranted(
    Guid CampaignId, string AuthorityCode, DeadlineKind Deadline, DateOnly Until, string Reason, string ApprovedBy, DateTimeOffset GrantedAt);
