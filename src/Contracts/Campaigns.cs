using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Contracts;

/// <summary>How many of each kind one recommending authority of <see cref="AuthorityType"/> may recommend (BRIEF §4).</summary>
/// <param name="AuthorityType">推荐单位类型 / The type of authority the row is for.</param>
/// <param name="Enterprises">示范企业名额 / Enterprises it may recommend.</param>
/// <param name="SharedManufacturingPlatforms">共享制造示范平台名额 / Shared-manufacturing platforms it may recommend.</param>
/// <param name="OtherPlatforms">其他示范平台名额 / Other platforms it may recommend.</param>
/// <param name="ComprehensiveCities">综合类示范城市名额 / Comprehensive cities it may recommend.</param>
/// <param name="IndustrialDesignCities">工业设计特色类示范城市名额 / Industrial-design cities it may recommend.</param>
/// <param name="CitiesInTotal">示范城市合计名额 / Cities in total.</param>
public sealed record QuotaRow(
    AuthorityType AuthorityType,
    int Enterprises,
    int SharedManufacturingPlatforms,
    int OtherPlatforms,
    int ComprehensiveCities,
    int IndustrialDesignCities,
    int CitiesInTotal);

/// <summary>The dates of a campaign; each means up to the end of that day, China Standard Time.</summary>
/// <param name="ContactPersons">报送联系人截止日 / Contact persons due.</param>
/// <param name="Applications">申报截止日 / Applications due.</param>
/// <param name="Recommendations">推荐截止日 / Recommendations due.</param>
/// <param name="EvaluationMaterial">评审材料截止日 / Evaluation material due.</param>
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
public enum DeadlineKind { Applications, Recommendations, ContactPersons, EvaluationMaterial }

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
