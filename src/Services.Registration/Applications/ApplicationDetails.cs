using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An application as its applicant and the API see it.</summary>
public sealed record ApplicationDetails(
    Guid Id,
    long Version,
    string OwnerSubject,
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
        e.Data.ApplicationId, e.Version, e.Data.OwnerSubject, e.Data.Category, e.Data.OrganisationName, e.Data.CreditCode,
        e.Data.AuthorityCode, ApplicationStatus.Draft, e.Data.CreatedAt, null);

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails current) =>
        current with { Version = e.Version, Status = ApplicationStatus.Submitted, SubmittedAt = e.Data.SubmittedAt };
}

/// <summary>Who may see and change an application.</summary>
public static class ApplicationAccess
{
    /// <summary>The ministry and auditors; its owner (an applicant: anyone of its organisation); once submitted, its authority.</summary>
    public static bool CanSee(CurrentUser user, ApplicationDetails application) =>
        user.SeesEverything
        || CanChange(user, application)
        || (application.Status != ApplicationStatus.Draft && user.ActsFor(application.AuthorityCode));

    /// <summary>Its owner: the applicant organisation's accounts, or the city authority account that filed it.</summary>
    public static bool CanChange(CurrentUser user, ApplicationDetails application) => user.Role switch
    {
        PlatformRoles.Applicant => user.CreditCode == application.CreditCode,
        PlatformRoles.CityAuthority => user.Subject == application.OwnerSubject,
        _ => false,
    };
}
