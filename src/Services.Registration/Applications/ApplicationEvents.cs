using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An applicant started an application draft for its organisation, through its recommending authority.</summary>
public sealed record ApplicationDraftCreated(
    Guid ApplicationId,
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
