using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// An applicant (or a city authority, for its city) started an application draft for its organisation, through its
/// recommending authority. <see cref="OwnerSubject"/> is the account that owns the draft.
/// </summary>
public sealed record ApplicationDraftCreated(
    Guid ApplicationId,
    string OwnerSubject,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    DateTimeOffset CreatedAt);

/// <summary>The applicant submitted the application, as it then stood, to its authority.</summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    DateTimeOffset SubmittedAt);
