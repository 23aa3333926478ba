using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An application as its applicant and the API see it.</summary>
public sealed record ApplicationDetails(
    Guid Id,
    long Version,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    ApplicationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt);

/// <summary>Keeps <see cref="ApplicationDetails"/> in step with each application's stream, in the same transaction.</summary>
public sealed class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDraftCreated> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.Category, e.Data.OrganisationName, e.Data.CreditCode,
        e.Data.AuthorityCode, ApplicationStatus.Draft, e.Data.CreatedAt, null);

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails current) =>
        current with { Version = e.Version, Status = ApplicationStatus.Submitted, SubmittedAt = e.Data.SubmittedAt };
}
