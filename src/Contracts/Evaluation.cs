namespace ServiceManufacturing.Contracts;

/// <summary>The kinds of earlier demonstration: the fifth batch's three categories and the projects of earlier batches.</summary>
public enum DemonstrationCategory
{
    /// <summary>示范企业</summary>
    Enterprise,
    /// <summary>示范平台</summary>
    Platform,
    /// <summary>示范项目（前几批）</summary>
    Project,
    /// <summary>示范城市</summary>
    City,
}

/// <summary>
/// A demonstration is on the roster of demonstrations (Registration refuses a city that already is one): one of batches
/// 1-4 (entered or imported by the ministry) or a later one selected by the ministry. <see cref="CreditCode"/> is null for
/// a city (and may be for a project). Published again, with the same <see cref="DemonstrationId"/>, when a correction
/// changes its name, code or authority.
/// </summary>
public sealed record DemonstrationEnrolled(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    DateTimeOffset EnrolledAt);

/// <summary>
/// The ministry withdrew a roster entry made in error: it is no demonstration (Registration's copy drops it, so a withdrawn
/// city no longer blocks a city application). Carries the entry as it stood, so that it means the same arriving first.
/// </summary>
public sealed record DemonstrationWithdrawn(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    string Reason,
    DateTimeOffset At);

/// <summary>The ministry's outcome of a demonstration's evaluation (前四批示范评估评价).</summary>
public enum EvaluationOutcome
{
    /// <summary>通过</summary>
    Pass,
    /// <summary>限期整改</summary>
    NeedsRectification,
    /// <summary>不通过</summary>
    Fail,
    /// <summary>撤销称号</summary>
    TitleRevoked,
}

/// <summary>
/// The ministry evaluated a demonstration. <see cref="RectificationDue"/> is given for
/// <see cref="EvaluationOutcome.NeedsRectification"/>. A revoked title (<see cref="EvaluationOutcome.TitleRevoked"/>) takes
/// the demonstration off the roster for Registration: a revoked city may apply again.
/// </summary>
public sealed record DemonstrationEvaluated(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    EvaluationOutcome Outcome,
    string Reasons,
    DateOnly? RectificationDue,
    DateTimeOffset At);

/// <summary>Why a demonstration cannot file its evaluation material (its business status).</summary>
public enum BusinessStatus
{
    /// <summary>吊销</summary>
    Revoked,
    /// <summary>注销</summary>
    Cancelled,
    /// <summary>停业</summary>
    Suspended,
    /// <summary>清算</summary>
    InLiquidation,
    /// <summary>其他无法报送的情形</summary>
    OtherwiseUnable,
}

/// <summary>
/// The authority's officer filed a written explanation (情况说明) for a demonstration that cannot file: it travels with the
/// authority's package of <see cref="CampaignId"/> (the fifth batch), where the ministry sees both together.
/// <see cref="DocumentSha256"/> is the supporting document's hash; the document stays with Evaluation, where the ministry
/// downloads it by <see cref="DocumentId"/> at <see cref="DocumentPath"/> (a gateway path; absent in messages sent before it existed).
/// </summary>
public sealed record EvaluationExplanationFiled(
    Guid DemonstrationId,
    Guid CampaignId,
    string AuthorityCode,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    BusinessStatus Status,
    DateOnly StatusDate,
    string Reason,
    string DocumentSha256,
    string FiledBy,
    DateTimeOffset FiledAt,
    Guid? DocumentId = null,
    string? DocumentPath = null);
