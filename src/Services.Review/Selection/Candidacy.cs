using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>公示期内收到的一条异议 / An objection received during the notice period.</summary>
/// <param name="Id">异议编号 / The objection's id.</param>
/// <param name="ContactName">异议人姓名（实名） / The objector's real name.</param>
/// <param name="ContactPhone">异议人联系电话 / The objector's telephone.</param>
/// <param name="Grounds">异议内容 / What is objected, and why.</param>
/// <param name="FiledBy">提交异议的账号 / The account that filed it.</param>
/// <param name="FiledAt">提交时间 / When it was filed.</param>
/// <param name="Outcome">处理结果（未处理为 null） / The written outcome (null while unresolved).</param>
/// <param name="ResolvedBy">处理人 / Who resolved it.</param>
/// <param name="ResolvedAt">处理时间 / When it was resolved.</param>
public sealed record Objection(Guid Id, string ContactName, string ContactPhone, string Grounds, string FiledBy, DateTimeOffset FiledAt,
    string? Outcome = null, string? ResolvedBy = null, DateTimeOffset? ResolvedAt = null);

/// <summary>Where a candidate stands: on the notice, selected or declined.</summary>
public enum CandidateStatus { OnNotice, Selected, Declined }

/// <summary>
/// One application on a campaign's public notice: its objections and the ministry's decision. Stream id: <see cref="IdFor"/>
/// of the application.
/// </summary>
/// <param name="Id">候选编号 / The candidacy's id.</param>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="Class">平台或城市类别 / The platform or city class.</param>
/// <param name="ServiceMode">服务型制造模式 / The service mode.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation (or city).</param>
/// <param name="CreditCode">统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="Status">遴选状态 / Where it stands.</param>
/// <param name="Objections">公示期内的异议 / The objections received.</param>
/// <param name="DecisionReason">决定说明（不予入选时为理由） / The decision's comment (a decline's reason).</param>
/// <param name="DecidedBy">决定人 / Who decided.</param>
/// <param name="DecidedAt">决定时间 / When it was decided.</param>
public sealed record Candidacy(
    Guid Id, Guid ApplicationId, Guid CampaignId, ApplicationCategory Category,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] string? Class,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.ServiceModes))] string? ServiceMode,
    string OrganisationName, string CreditCode, string AuthorityCode, CandidateStatus Status, IReadOnlyList<Objection> Objections,
    string? DecisionReason = null, string? DecidedBy = null, DateTimeOffset? DecidedAt = null)
{
    /// <summary>The stream's version (Marten keeps it), sent as the ETag.</summary>
    public long Version { get; set; }

    public static Guid IdFor(Guid applicationId) => StreamIds.For("candidacy", applicationId.ToString());

    public static Candidacy Create(CandidateListed e) => new(IdFor(e.ApplicationId), e.ApplicationId, e.CampaignId, e.Category, e.Class,
        e.ServiceMode, e.OrganisationName, e.CreditCode, e.AuthorityCode, CandidateStatus.OnNotice, []);

    public Candidacy Apply(ObjectionFiled e) =>
        this with { Objections = [.. Objections, new(e.ObjectionId, e.ContactName, e.ContactPhone, e.Grounds, e.FiledBy, e.At)] };

    public Candidacy Apply(ObjectionResolved e) => this with
    {
        Objections = Objections.Select(o => o.Id == e.ObjectionId ? o with { Outcome = e.Outcome, ResolvedBy = e.ResolvedBy, ResolvedAt = e.At } : o).ToList(),
    };

    public Candidacy Apply(CandidateSelected e) =>
        this with { Status = CandidateStatus.Selected, DecisionReason = e.Comment, DecidedBy = e.DecidedBy, DecidedAt = e.At };

    public Candidacy Apply(CandidateDeclined e) =>
        this with { Status = CandidateStatus.Declined, DecisionReason = e.Reason, DecidedBy = e.DecidedBy, DecidedAt = e.At };

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Decided => Status != CandidateStatus.OnNotice;
}
