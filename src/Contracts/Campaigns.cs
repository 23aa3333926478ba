using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Contracts;

/// <summary>How many of each kind one recommending authority of <see cref="AuthorityType"/> may recommend (BRIEF §4).</summary>
public sealed record QuotaRow(
    AuthorityType AuthorityType,
    int Enterprises,
    int SharedManufacturingPlatforms,
    int OtherPlatforms,
    int ComprehensiveCities,
    int IndustrialDesignCities,
    int CitiesInTotal);

/// <summary>The dates of a campaign; each means up to the end of that day, China Standard Time.</summary>
public sealed record CampaignDeadlines(
    DateOnly ContactPersons,
    DateOnly Applications,
    DateOnly Recommendations,
    DateOnly EvaluationMaterial);

/// <summary>The ministry opened a campaign (a batch of selection); it takes applications until closed.</summary>
public sealed record CampaignOpened(
    Guid CampaignId,
    int Year,
    int Batch,
    string Name,
    DateOnly EligibilityWindowStart,
    int PlatformMinimumOperatingYears,
    decimal EnterpriseServiceRevenueShare,
    CampaignDeadlines Deadlines,
    IReadOnlyList<QuotaRow> Quotas,
    DateTimeOffset OpenedAt);

/// <summary>The campaign takes no more applications.</summary>
public sealed record CampaignClosed(Guid CampaignId, DateTimeOffset ClosedAt);

/// <summary>Which deadline an exception moves.</summary>
public enum DeadlineKind { Applications, Recommendations, ContactPersons }

/// <summary>The ministry moved one deadline for one authority, with a reason and an approver.</summary>
public sealed record DeadlineExceptionGranted(
    Guid CampaignId, string AuthorityCode, DeadlineKind Deadline, DateOnly Until, string Reason, string ApprovedBy, DateTimeOffset GrantedAt);
