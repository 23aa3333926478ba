using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>One recommended application as the package freezes it.</summary>
/// <param name="Kind">所在名单 / The list it is on.</param>
/// <param name="Rank">名单内排序（从 1 开始） / Its rank on the list (from 1).</param>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
/// <param name="StampedFormSha256">盖章申报书的 SHA-256 / The SHA-256 of its stamped form.</param>
public sealed record PackageEntry(RecommendationListKind Kind, int Rank, Guid ApplicationId, string OrganisationName, string StampedFormSha256);

public sealed record SummaryTableScanUploaded(Guid CampaignId, string AuthorityCode, Guid DocumentId, string ContentType, long Length,
    string Sha256, string UploadedBy, DateTimeOffset At);

/// <summary>The authority submitted its package to the ministry: the ranked lists, the stamped table and forms, frozen.</summary>
public sealed record PackageSubmitted(Guid CampaignId, string AuthorityCode, IReadOnlyList<PackageEntry> Entries, string SummaryTableSha256,
    string ContentHash, string SubmittedBy, DateTimeOffset At);

public sealed record PackageAcknowledged(Guid CampaignId, string AuthorityCode, IReadOnlyList<Guid> ApplicationIds, string AcknowledgedBy, DateTimeOffset At);

/// <summary>The ministry returned the package to its authority; its applications are back on the authority's lists.</summary>
public sealed record PackageReturned(Guid CampaignId, string AuthorityCode, string Reason, string ReturnedBy, DateTimeOffset At,
    IReadOnlyList<Guid>? ApplicationIds = null);

public enum PackageStatus { Open, Submitted, Acknowledged, Returned }

/// <summary>One authority's package for one campaign (the stream id is named by both).</summary>
/// <param name="Id">推荐材料编号 / The package's id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="Status">报送状态 / Where it stands.</param>
/// <param name="SummaryTableSha256">盖章汇总表扫描件的 SHA-256 / The SHA-256 of the stamped summary table's scan.</param>
/// <param name="SummaryTableDocumentId">盖章汇总表扫描件编号 / The scan's id.</param>
/// <param name="Entries">报送时冻结的推荐条目 / The recommendations, frozen at submission.</param>
/// <param name="ContentHash">报送内容的 SHA-256 / The SHA-256 of what was submitted.</param>
/// <param name="SubmittedAt">报送时间 / When it was submitted.</param>
/// <param name="ReturnReason">部里退回的理由 / Why the ministry returned it.</param>
/// <param name="SummaryTableContentType">扫描件内容类型 / The scan's content type.</param>
public sealed record RecommendationPackage(
    Guid Id, Guid CampaignId, string AuthorityCode, PackageStatus Status, string? SummaryTableSha256, Guid? SummaryTableDocumentId,
    IReadOnlyList<PackageEntry> Entries, string? ContentHash, DateTimeOffset? SubmittedAt, string? ReturnReason,
    string? SummaryTableContentType = null)
{
    /// <summary>The stream's version (Marten keeps it), sent as the ETag: a client's If-Match on a step of the package.</summary>
    public long Version { get; set; }

    public static Guid IdFor(Guid campaignId, string authorityCode) => StreamIds.For("package", campaignId.ToString(), authorityCode);

    public static RecommendationPackage Create(SummaryTableScanUploaded e) =>
        new(IdFor(e.CampaignId, e.AuthorityCode), e.CampaignId, e.AuthorityCode, PackageStatus.Open, e.Sha256, e.DocumentId, [], null, null, null,
            e.ContentType);

    public RecommendationPackage Apply(SummaryTableScanUploaded e) =>
        this with { SummaryTableSha256 = e.Sha256, SummaryTableDocumentId = e.DocumentId, SummaryTableContentType = e.ContentType };

    public RecommendationPackage Apply(PackageSubmitted e) =>
        this with { Status = PackageStatus.Submitted, Entries = e.Entries, ContentHash = e.ContentHash, SubmittedAt = e.At, ReturnReason = null };

    public RecommendationPackage Apply(PackageAcknowledged e) => this with { Status = PackageStatus.Acknowledged };

    public RecommendationPackage Apply(PackageReturned e) => this with { Status = PackageStatus.Returned, ReturnReason = e.Reason };

    /// <summary>Submitted or acknowledged: the lists and the table no longer change.</summary>
    public bool Frozen => Status is PackageStatus.Submitted or PackageStatus.Acknowledged;

    /// <summary>The SHA-256 over every list entry (with its stamped form's hash) and the stamped table's hash.</summary>
    public static string HashOf(Guid campaignId, string authorityCode, IReadOnlyList<PackageEntry> entries, string summaryTableSha256) =>
        ReceiptHash.Of(new { campaignId, authorityCode, entries, summaryTableSha256 });
}
