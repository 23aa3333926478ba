using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>Where an application is in its life.</summary>
public enum ApplicationStatus { Draft, Submitted }

/// <summary>What the decider needs to know of an application: built from its stream, never mutated.</summary>
public sealed record Application(
    Guid Id, string OwnerSubject, ApplicationCategory Category, string OrganisationName, string CreditCode, string AuthorityCode,
    ApplicationStatus Status)
{
    public static Application Create(ApplicationDraftCreated e) =>
        new(e.ApplicationId, e.OwnerSubject, e.Category, e.OrganisationName, e.CreditCode, e.AuthorityCode, ApplicationStatus.Draft);

    public Application Apply(ApplicationSubmitted e) => this with { Status = ApplicationStatus.Submitted };
}
