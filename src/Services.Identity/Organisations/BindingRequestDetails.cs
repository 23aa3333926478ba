using JasperFx.Events;
using Marten.Events.Projections;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>A binding request as the authority's worklist and the applicant see it.</summary>
/// <param name="Id">绑定申请编号 / The binding request's id.</param>
/// <param name="CreditCode">单位的统一社会信用代码 / The organisation's unified social credit code.</param>
/// <param name="OrganisationName">单位名称（与营业执照一致） / The organisation's name, as on its business licence.</param>
/// <param name="AccountId">申请绑定的账号 / The account asking to be bound.</param>
/// <param name="HolderName">账号持有人姓名 / The account holder's name.</param>
/// <param name="AuthorityCode">审核该申请的推荐单位（信用代码登记地所属；为空时由工业和信息化部审核） / The authority that decides it (of the credit code's registration division; null: the ministry decides).</param>
/// <param name="Status">待审核、已通过或未通过 / Pending, approved or refused.</param>
/// <param name="Licence">营业执照扫描件 / The business-licence scan.</param>
/// <param name="Reason">不予绑定的理由 / Why it was refused.</param>
/// <param name="RequestedAt">申请时间 / When it was asked.</param>
/// <param name="DecidedBy">审核人 / Who decided.</param>
/// <param name="DecidedAt">审核时间 / When it was decided.</param>
public sealed record BindingRequestDetails(
    Guid Id,
    string CreditCode,
    string OrganisationName,
    Guid AccountId,
    string HolderName,
    string? AuthorityCode,
    BindingStatus Status,
    LicenceScan? Licence,
    string? Reason,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);

/// <summary>Keeps <see cref="BindingRequestDetails"/> in step with the organisations' streams, one per binding request.</summary>
public sealed class BindingRequestProjection : MultiStreamProjection<BindingRequestDetails, Guid>
{
    public BindingRequestProjection()
    {
        Identity<OrganisationBindingRequested>(e => e.BindingId);
        Identity<OrganisationBindingApproved>(e => e.BindingId);
        Identity<OrganisationBindingRefused>(e => e.BindingId);
    }

    public static BindingRequestDetails Create(OrganisationBindingRequested e) => new(e.BindingId, e.CreditCode, e.OrganisationName,
        e.AccountId, e.HolderName, e.AuthorityCode, BindingStatus.Pending, e.Licence, null, e.RequestedAt, null, null);

    public static BindingRequestDetails Apply(OrganisationBindingApproved e, BindingRequestDetails d) =>
        d with { Status = BindingStatus.Approved, DecidedBy = e.ApprovedBy, DecidedAt = e.ApprovedAt };

    public static BindingRequestDetails Apply(OrganisationBindingRefused e, BindingRequestDetails d) =>
        d with { Status = BindingStatus.Refused, Reason = e.Reason, DecidedBy = e.RefusedBy, DecidedAt = e.RefusedAt };
}
