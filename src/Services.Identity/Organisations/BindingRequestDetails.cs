using JasperFx.Events;
using Marten.Events.Projections;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>A binding request as the authority's worklist and the applicant see it.</summary>
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
