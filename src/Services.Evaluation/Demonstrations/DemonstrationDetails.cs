using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>An earlier-batch demonstration as the roster shows it.</summary>
/// <param name="Id">编号 / Its id.</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="Batch">第几批（1 至 4） / The batch (1 to 4).</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Name">名称（企业、平台或城市） / The name (enterprise, platform or city).</param>
/// <param name="CreditCode">统一社会信用代码（城市为 null） / The unified social credit code (null for a city).</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="EnrolledAt">录入时间 / When it was put on the roster.</param>
public sealed record DemonstrationDetails(
    Guid Id, long Version, int Batch, ApplicationCategory Category, string Name, string? CreditCode,
    string AuthorityCode, DateTimeOffset EnrolledAt);

/// <summary>Keeps <see cref="DemonstrationDetails"/> in step with each demonstration's stream.</summary>
public sealed class DemonstrationDetailsProjection : SingleStreamProjection<DemonstrationDetails, Guid>
{
    public static DemonstrationDetails Create(IEvent<DemonstrationEnrolled> e) => new(
        e.Data.DemonstrationId, e.Version, e.Data.Batch, e.Data.Category, e.Data.Name, e.Data.CreditCode,
        e.Data.AuthorityCode, e.Data.EnrolledAt);
}
