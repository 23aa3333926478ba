using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;

namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>An expert's profile, as the ministry and the expert see it.</summary>
/// <param name="Id">专家信息流编号 / The profile's stream id.</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="AccountId">专家账号（令牌的 sub） / The expert's account (the token's sub).</param>
/// <param name="Name">专家姓名 / The expert's name.</param>
/// <param name="Organisation">工作单位 / The organisation the expert works for.</param>
/// <param name="CreditCode">工作单位的统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">专家所在省级地区（推荐单位代码） / The expert's province-level authority code.</param>
/// <param name="ServiceModes">擅长的服务型制造模式（评审示范企业） / The service modes the expert judges (enterprises).</param>
/// <param name="CityClasses">擅长的平台或城市类别 / The platform and city classes the expert judges.</param>
/// <param name="AvailableDates">可参加评审或现场考查的日期 / The days the expert is available.</param>
/// <param name="Active">是否可被分配 / Whether the expert may be assigned.</param>
/// <param name="ChangedBy">最后修改人 / Who changed it last.</param>
/// <param name="ChangedAt">最后修改时间 / When it changed last.</param>
public sealed record ExpertDetails(
    Guid Id,
    long Version,
    Guid AccountId,
    string Name,
    string Organisation,
    string CreditCode,
    string AuthorityCode,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.ServiceModes))] IReadOnlyList<string> ServiceModes,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] IReadOnlyList<string> CityClasses,
    IReadOnlyList<DateOnly> AvailableDates,
    bool Active,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>Keeps <see cref="ExpertDetails"/> in step with each expert's profile stream.</summary>
public sealed class ExpertDetailsProjection : SingleStreamProjection<ExpertDetails, Guid>
{
    public static ExpertDetails Create(IEvent<ExpertProfileRecorded> e) => Of(e);

    public static ExpertDetails Apply(IEvent<ExpertProfileRecorded> e, ExpertDetails _) => Of(e);

    static ExpertDetails Of(IEvent<ExpertProfileRecorded> e) => new(e.StreamId, e.Version, e.Data.AccountId, e.Data.Name,
        e.Data.Organisation, e.Data.CreditCode, e.Data.AuthorityCode, e.Data.ServiceModes, e.Data.CityClasses, e.Data.AvailableDates,
        e.Data.Active, e.Data.ChangedBy, e.Data.ChangedAt);
}
