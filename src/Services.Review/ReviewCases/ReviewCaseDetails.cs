using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>One initial-review decision, as the case's history keeps it.</summary>
/// <param name="Round">第几次提交 / The submission round it decided.</param>
/// <param name="Decision">决定：pass、reject 或 return / The decision: pass, reject or return.</param>
/// <param name="Reason">理由或修改意见 / The reason, or what to change.</param>
/// <param name="DecidedBy">审核人员 / Who decided.</param>
/// <param name="At">时间 / When.</param>
public sealed record InitialReviewRound(int Round, [property: OneOf("pass", "reject", "return")] string Decision, string? Reason, string DecidedBy, DateTimeOffset At);

/// <summary>A review case as an authority officer's worklist shows it.</summary>
/// <param name="Id">审核案卷编号，即申报编号 / The case's id: the application's id.</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="Class">平台或城市类别 / The platform or city class.</param>
/// <param name="ServiceMode">服务型制造模式 / The service mode.</param>
/// <param name="OrganisationName">申报单位名称 / The applying organisation.</param>
/// <param name="CreditCode">统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="ContactName">申报联系人 / The applicant's contact person.</param>
/// <param name="ContactPhone">联系电话 / The contact's telephone.</param>
/// <param name="Status">审核状态 / Where the case stands.</param>
/// <param name="Round">第几次提交 / The submission round.</param>
/// <param name="Warnings">提醒审核人员的事项（规则代码） / Points for reviewers (rule codes).</param>
/// <param name="ContentHash">提交内容的 SHA-256 / The SHA-256 of the submitted content.</param>
/// <param name="StampedFormSha256">已上传盖章申报书的 SHA-256（未上传为 null；推荐前须上传） / The stamped form's SHA-256 once uploaded (needed before recommending).</param>
/// <param name="Decisions">历次初审决定 / The initial-review decisions so far.</param>
/// <param name="SubmittedAt">提交时间 / When it was submitted.</param>
/// <param name="OpenedAt">案卷建立时间 / When the case was opened (on delivery of the submission).</param>
/// <param name="RelatedParties">申报单位填报的关联单位（统一社会信用代码；其专家须回避） / The related parties the applicant listed (credit codes; their experts may not review it).</param>
/// <param name="ExpertReviewPassed">专家评审合议是否通过（未合议为 null） / Whether the experts' consensus passed it (null until then).</param>
/// <param name="ExpertReviewScore">专家评审合议总分 / The experts' agreed total.</param>
public sealed record ReviewCaseDetails(
    Guid Id,
    long Version,
    Guid CampaignId,
    ApplicationCategory Category,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] string? Class,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.ServiceModes))] string? ServiceMode,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    string? ContactName,
    string? ContactPhone,
    ReviewCaseStatus Status,
    int Round,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Warnings))] IReadOnlyList<string> Warnings,
    string ContentHash,
    string? StampedFormSha256,
    IReadOnlyList<InitialReviewRound> Decisions,
    DateTimeOffset SubmittedAt,
    DateTimeOffset OpenedAt,
    IReadOnlyList<string>? RelatedParties = null,
    bool? ExpertReviewPassed = null,
    decimal? ExpertReviewScore = null);

/// <summary>Keeps <see cref="ReviewCaseDetails"/> in step with each case's stream, in the same transaction.</summary>
public sealed class ReviewCaseDetailsProjection : SingleStreamProjection<ReviewCaseDetails, Guid>
{
    public static ReviewCaseDetails Create(IEvent<ReviewCaseOpened> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.CampaignId, e.Data.Category, e.Data.Class, e.Data.ServiceMode, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, e.Data.ContactName, e.Data.ContactPhone, ReviewCaseStatus.AwaitingInitialReview, 1, e.Data.Warnings, e.Data.ContentHash, null, [],
        e.Data.SubmittedAt, e.Data.OpenedAt, e.Data.RelatedParties ?? []);

    public static ReviewCaseDetails Apply(IEvent<ApplicationResubmitted> e, ReviewCaseDetails d) => d with
    {
        Version = e.Version, Status = ReviewCaseStatus.AwaitingInitialReview, Round = e.Data.Round, Warnings = e.Data.Warnings,
        ContentHash = e.Data.ContentHash, SubmittedAt = e.Data.SubmittedAt, RelatedParties = e.Data.RelatedParties ?? d.RelatedParties,
    };

    public static ReviewCaseDetails Apply(IEvent<ExpertReviewConcluded> e, ReviewCaseDetails d) =>
        d with { Version = e.Version, ExpertReviewPassed = e.Data.Passed, ExpertReviewScore = e.Data.Score };

    public static ReviewCaseDetails Apply(IEvent<InitialReviewPassed> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.Passed, new(e.Data.Round, "pass", e.Data.Comment, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<InitialReviewRejected> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.Rejected, new(e.Data.Round, "reject", e.Data.Reason, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<ReturnedForChanges> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.ReturnedForChanges, new(e.Data.Round, "return", e.Data.Comments, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<ReviewCaseWithdrawn> e, ReviewCaseDetails d) =>
        d with { Version = e.Version, Status = ReviewCaseStatus.Withdrawn };

    public static ReviewCaseDetails Apply(IEvent<StampedFormReceived> e, ReviewCaseDetails d) =>
        d with { Version = e.Version, StampedFormSha256 = e.Data.Sha256 };

    static ReviewCaseDetails Decided(ReviewCaseDetails d, long version, ReviewCaseStatus status, InitialReviewRound round) =>
        d with { Version = version, Status = status, Decisions = [.. d.Decisions, round] };
}
