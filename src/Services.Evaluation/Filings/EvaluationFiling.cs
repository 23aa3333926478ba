using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Evaluation.Filings;

/// <summary>One year's figures of a demonstration (万元).</summary>
/// <param name="Year">年度 / The year.</param>
/// <param name="OperatingRevenue">营业收入（万元） / Operating revenue (10,000 yuan).</param>
/// <param name="ServiceRevenue">服务收入（万元） / Service revenue (10,000 yuan).</param>
/// <param name="ServiceShare">服务收入占营业收入比例（0 至 1，平台计算） / Service revenue's share of operating revenue (0 to 1, computed by the platform).</param>
public sealed record YearFigures(int Year, decimal OperatingRevenue, decimal ServiceRevenue, decimal ServiceShare);

/// <summary>The evaluation material a demonstration files.</summary>
/// <param name="OperatingStatus">经营状况 / Its operating status.</param>
/// <param name="Years">入选以来各年度营业收入与服务收入 / Its operating and service revenue for each year since selection.</param>
/// <param name="Results">服务型制造模式的成效 / The results of its service-oriented model.</param>
public sealed record EvaluationMaterial(string OperatingStatus, IReadOnlyList<YearFigures> Years, string Results);

/// <summary>A supporting document, kept by the platform's scan archive.</summary>
/// <param name="DocumentId">文件编号 / The document's id.</param>
/// <param name="ContentType">内容类型 / Its content type.</param>
/// <param name="Length">字节数 / Its size in bytes.</param>
/// <param name="Sha256">文件的 SHA-256 / Its SHA-256.</param>
public sealed record FilingDocument(Guid DocumentId, string ContentType, long Length, string Sha256);

/// <summary>The authority's written explanation for a demonstration that cannot file.</summary>
/// <param name="Status">经营状态 / The demonstration's business status.</param>
/// <param name="StatusDate">状态发生日期 / Since when.</param>
/// <param name="Reason">情况说明 / The explanation.</param>
/// <param name="Document">证明材料 / The supporting document.</param>
/// <param name="FiledAt">说明时间 / When it was filed.</param>
public sealed record CannotFileExplanation(BusinessStatus Status, DateOnly StatusDate, string Reason, FilingDocument Document, DateTimeOffset FiledAt);

public sealed record FilingDraftSaved(Guid FilingId, Guid CampaignId, Guid DemonstrationId, string AuthorityCode, EvaluationMaterial Material,
    string SavedBy, DateTimeOffset At);

public sealed record FilingDocumentAttached(Guid FilingId, Guid CampaignId, Guid DemonstrationId, string AuthorityCode, FilingDocument Document,
    string AttachedBy, DateTimeOffset At);

/// <summary>The demonstration submitted its material with its documents; <see cref="ContentHash"/> is the receipt's hash.</summary>
public sealed record FilingSubmitted(Guid FilingId, Guid CampaignId, Guid DemonstrationId, string AuthorityCode, EvaluationMaterial Material,
    IReadOnlyList<FilingDocument> Documents, string ContentHash, string SubmittedBy, DateTimeOffset At);

public sealed record FilingAcknowledged(Guid FilingId, string AcknowledgedBy, DateTimeOffset At);

public sealed record FilingReturned(Guid FilingId, string Comments, string ReturnedBy, DateTimeOffset At);

/// <summary>The authority explained why the demonstration cannot file (it travels with the authority's package).</summary>
public sealed record CannotFileExplained(Guid FilingId, Guid CampaignId, Guid DemonstrationId, string AuthorityCode, int Batch,
    DemonstrationCategory Category, string Name, string? CreditCode, BusinessStatus Status, DateOnly StatusDate, string Reason,
    FilingDocument Document, string FiledBy, DateTimeOffset At);

public enum FilingStatus { Draft, Submitted, Acknowledged, Returned, Explained }

/// <summary>A demonstration's evaluation filing in one campaign (the stream id is named by both).</summary>
/// <param name="Id">评估材料编号 / The filing's id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="DemonstrationId">示范 / The demonstration.</param>
/// <param name="AuthorityCode">推荐单位代码 / The demonstration's authority.</param>
/// <param name="Status">状态 / Where it stands.</param>
/// <param name="Material">评估材料（草稿或已报送） / The material (draft or submitted).</param>
/// <param name="Documents">证明材料 / The supporting documents.</param>
/// <param name="ContentHash">报送内容的 SHA-256 / The SHA-256 of what was submitted.</param>
/// <param name="SubmittedAt">报送时间 / When it was submitted.</param>
/// <param name="ReturnComments">部里退回意见 / The ministry's comments on returning it.</param>
/// <param name="Explanation">无法报送的情况说明 / The explanation, for a demonstration that cannot file.</param>
public sealed record EvaluationFiling(Guid Id, Guid CampaignId, Guid DemonstrationId, string AuthorityCode, FilingStatus Status,
    EvaluationMaterial? Material, IReadOnlyList<FilingDocument> Documents, string? ContentHash, DateTimeOffset? SubmittedAt,
    string? ReturnComments, CannotFileExplanation? Explanation)
{
    /// <summary>The stream's version (Marten keeps it), sent as the ETag.</summary>
    public long Version { get; set; }

    public static Guid IdFor(Guid campaignId, Guid demonstrationId) => StreamIds.For("evaluation-filing", campaignId.ToString(), demonstrationId.ToString());

    public static EvaluationFiling Create(FilingDraftSaved e) =>
        new(e.FilingId, e.CampaignId, e.DemonstrationId, e.AuthorityCode, FilingStatus.Draft, e.Material, [], null, null, null, null);

    public static EvaluationFiling Create(FilingDocumentAttached e) =>
        new(e.FilingId, e.CampaignId, e.DemonstrationId, e.AuthorityCode, FilingStatus.Draft, null, [e.Document], null, null, null, null);

    public static EvaluationFiling Create(CannotFileExplained e) =>
        new(e.FilingId, e.CampaignId, e.DemonstrationId, e.AuthorityCode, FilingStatus.Explained, null, [], null, null, null,
            new CannotFileExplanation(e.Status, e.StatusDate, e.Reason, e.Document, e.At));

    public EvaluationFiling Apply(FilingDraftSaved e) => this with { Material = e.Material };

    public EvaluationFiling Apply(FilingDocumentAttached e) => this with { Documents = [.. Documents, e.Document] };

    public EvaluationFiling Apply(FilingSubmitted e) =>
        this with { Status = FilingStatus.Submitted, ContentHash = e.ContentHash, SubmittedAt = e.At, ReturnComments = null };

    public EvaluationFiling Apply(FilingAcknowledged e) => this with { Status = FilingStatus.Acknowledged };

    public EvaluationFiling Apply(FilingReturned e) => this with { Status = FilingStatus.Returned, ReturnComments = e.Comments };

    public EvaluationFiling Apply(CannotFileExplained e) => this with
    {
        Status = FilingStatus.Explained, Explanation = new CannotFileExplanation(e.Status, e.StatusDate, e.Reason, e.Document, e.At),
    };

    /// <summary>Submitted or acknowledged: the material no longer changes.</summary>
    public bool Frozen => Status is FilingStatus.Submitted or FilingStatus.Acknowledged;

    /// <summary>The SHA-256 over the material and every document's hash: what a receipt proves.</summary>
    public static string HashOf(Guid filingId, Guid campaignId, Guid demonstrationId, string authorityCode, EvaluationMaterial material,
        IReadOnlyList<FilingDocument> documents) =>
        ReceiptHash.Of(new { filingId, campaignId, demonstrationId, authorityCode, material, documents = documents.Select(d => d.Sha256).ToList() });
}
