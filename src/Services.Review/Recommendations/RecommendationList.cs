using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Recommendations;

/// <summary>An authority's ranked lists, one per quota line; cities share one list (their classes share a total).</summary>
public enum RecommendationListKind { Enterprises, SharedManufacturingPlatforms, OtherPlatforms, Cities }

public sealed record ApplicationRecommended(Guid ListId, Guid CampaignId, string AuthorityCode, RecommendationListKind Kind,
    Guid ApplicationId, string? Class, string OrganisationName, int Rank, string RecommendedBy, DateTimeOffset At);

public sealed record RecommendationRemoved(Guid ListId, Guid ApplicationId, string RemovedBy, DateTimeOffset At);

public sealed record RecommendationsReordered(Guid ListId, IReadOnlyList<Guid> Order, string ReorderedBy, DateTimeOffset At);

/// <summary>The list went to the ministry in its authority's package: it no longer changes (written with the package, atomically).</summary>
public sealed record RecommendationListSubmitted(Guid ListId, Guid CampaignId, string AuthorityCode, RecommendationListKind Kind, DateTimeOffset At);

/// <summary>The ministry returned the package: the list may change again until the package is resubmitted.</summary>
public sealed record RecommendationListReopened(Guid ListId, DateTimeOffset At);

/// <summary>推荐名单中的一项 / One entry of a ranked list.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="Class">平台或城市类别 / The platform or city class.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
public sealed record RecommendationEntry(Guid ApplicationId, [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] string? Class, string OrganisationName);

/// <summary>
/// One ranked list (推荐排序) of one authority in one campaign: the entries in rank order; <see cref="Submitted"/> while
/// it is with the ministry in the authority's package.
/// </summary>
/// <param name="Id">名单编号 / The list's id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="Kind">名单类别（对应名额行） / Which list (one per quota line).</param>
/// <param name="Entries">按推荐顺序排列的条目 / The entries in rank order.</param>
/// <param name="Submitted">已随推荐材料报送部里，不可修改 / Sent to the ministry in the package: it does not change until returned.</param>
public sealed record RecommendationList(Guid Id, Guid CampaignId, string AuthorityCode, RecommendationListKind Kind,
    IReadOnlyList<RecommendationEntry> Entries, bool Submitted = false)
{
    /// <summary>The stream's version (Marten keeps it), sent as the ETag: a client's If-Match on a change of the list.</summary>
    public long Version { get; set; }

    public static Guid IdFor(Guid campaignId, string authorityCode, RecommendationListKind kind) =>
        StreamIds.For("recommendations", campaignId.ToString(), authorityCode, kind.ToString());

    public static RecommendationListKind KindOf(ApplicationCategory category, string? @class) => category switch
    {
        ApplicationCategory.Enterprise => RecommendationListKind.Enterprises,
        ApplicationCategory.Platform when @class == "sharedManufacturing" => RecommendationListKind.SharedManufacturingPlatforms,
        ApplicationCategory.Platform => RecommendationListKind.OtherPlatforms,
        _ => RecommendationListKind.Cities,
    };

    public static RecommendationList Create(ApplicationRecommended e) =>
        new(e.ListId, e.CampaignId, e.AuthorityCode, e.Kind, [new(e.ApplicationId, e.Class, e.OrganisationName)]);

    /// <summary>A list that was empty when its package was submitted.</summary>
    public static RecommendationList Create(RecommendationListSubmitted e) => new(e.ListId, e.CampaignId, e.AuthorityCode, e.Kind, [], true);

    public RecommendationList Apply(RecommendationListSubmitted e) => this with { Submitted = true };

    public RecommendationList Apply(RecommendationListReopened e) => this with { Submitted = false };

    public RecommendationList Apply(ApplicationRecommended e) =>
        this with { Entries = [.. Entries, new(e.ApplicationId, e.Class, e.OrganisationName)] };

    public RecommendationList Apply(RecommendationRemoved e) =>
        this with { Entries = Entries.Where(x => x.ApplicationId != e.ApplicationId).ToList() };

    public RecommendationList Apply(RecommendationsReordered e) =>
        this with { Entries = e.Order.Select(id => Entries.Single(x => x.ApplicationId == id)).ToList() };
}
