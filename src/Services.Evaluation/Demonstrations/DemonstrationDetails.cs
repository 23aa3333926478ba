using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>A demonstration as the roster shows it.</summary>
/// <param name="Id">编号 / Its id.</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="Batch">第几批 / The batch.</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Name">名称（企业、平台、项目或城市） / The name (enterprise, platform, project or city).</param>
/// <param name="CreditCode">统一社会信用代码（城市为 null） / The unified social credit code (null for a city).</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="EnrolledAt">录入时间 / When it was put on the roster.</param>
/// <param name="Year">入选年份 / The year it was selected.</param>
/// <param name="Mode">服务型制造模式或城市类别 / The service mode, or the city class.</param>
/// <param name="Outcome">评估结果（尚未评估为 null） / The evaluation's outcome (null until evaluated).</param>
/// <param name="OutcomeReasons">评估理由 / The outcome's reasons.</param>
/// <param name="RectificationDue">整改期限 / The rectification due date.</param>
/// <param name="EvaluatedAt">评估时间 / When it was evaluated.</param>
/// <param name="WithdrawnAt">作为误录撤回的时间（未撤回为 null） / When it was withdrawn as made in error (null unless withdrawn).</param>
/// <param name="WithdrawalReason">撤回理由 / Why it was withdrawn.</param>
public sealed record DemonstrationDetails(
    Guid Id, long Version, int Batch, DemonstrationCategory Category, string Name, string? CreditCode,
    string AuthorityCode, DateTimeOffset EnrolledAt, int? Year = null, string? Mode = null, EvaluationOutcome? Outcome = null,
    string? OutcomeReasons = null, DateOnly? RectificationDue = null, DateTimeOffset? EvaluatedAt = null, DateTimeOffset? WithdrawnAt = null,
    string? WithdrawalReason = null);

/// <summary>Keeps <see cref="DemonstrationDetails"/> in step with each demonstration's stream.</summary>
public sealed class DemonstrationDetailsProjection : SingleStreamProjection<DemonstrationDetails, Guid>
{
    public static DemonstrationDetails Create(IEvent<DemonstrationEnrolled> e) => new(
        e.Data.DemonstrationId, e.Version, e.Data.Batch, e.Data.Category, e.Data.Name, e.Data.CreditCode,
        e.Data.AuthorityCode, e.Data.EnrolledAt, e.Data.Year, e.Data.Mode);

    public DemonstrationDetails Apply(IEvent<DemonstrationCorrected> e, DemonstrationDetails d) => d with
    {
        Version = e.Version, Name = e.Data.Name, AuthorityCode = e.Data.AuthorityCode, Year = e.Data.Year, Mode = e.Data.Mode,
    };

    public DemonstrationDetails Apply(IEvent<DemonstrationOutcomeRecorded> e, DemonstrationDetails d) => d with
    {
        Version = e.Version, Outcome = e.Data.Outcome, OutcomeReasons = e.Data.Reasons, RectificationDue = e.Data.RectificationDue,
        EvaluatedAt = e.Data.At,
    };

    public DemonstrationDetails Apply(IEvent<DemonstrationWithdrawn> e, DemonstrationDetails d) => d with
    {
        Version = e.Version, WithdrawnAt = e.Data.At, WithdrawalReason = e.Data.Reason,
    };
}
