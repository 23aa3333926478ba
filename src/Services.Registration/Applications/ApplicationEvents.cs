using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// An applicant (or a city authority, for its city) started an application draft in the campaign taking applications,
/// through its recommending authority. <see cref="OwnerSubject"/> is the account that created the draft,
/// <see cref="OwnerOrganisation"/> the credit code of the applicant organisation that owns it (none for a city's
/// application, which its city authority account owns), <see cref="City"/> the city authority's city, from its account.
/// </summary>
public sealed record ApplicationDraftCreated(
    Guid ApplicationId,
    Guid CampaignId,
    string OwnerSubject,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    DateTimeOffset CreatedAt,
    string? OwnerOrganisation = null,
    string? City = null);

/// <summary>The applicant saved the form as it now stands (a draft may be partial).</summary>
public sealed record ApplicationFormSaved(Guid ApplicationId, ApplicationForm Form, DateTimeOffset SavedAt);

/// <summary>
/// The applicant submitted the application, as it then stood, to its authority: <see cref="ContentHash"/> is the
/// SHA-256 of that content, <see cref="Warnings"/> what reviewers should see (e.g. service revenue under 30%).
/// </summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid CampaignId,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    ApplicationForm Form,
    string ContentHash,
    IReadOnlyList<string> Warnings,
    DateTimeOffset SubmittedAt);

/// <summary>The applicant withdrew the application before its authority decided.</summary>
public sealed record ApplicationWithdrawn(Guid ApplicationId, string? Reason, DateTimeOffset WithdrawnAt);

/// <summary>
/// Review reported how the application stands (from its message <see cref="MessageId"/>). <see cref="ReviewSequence"/> is
/// the stage's place in Review's history: a report that arrives after a later one is kept but moves no status back.
/// </summary>
public sealed record ReviewStageReported(
    Guid ApplicationId, ReviewStage Stage, string? Reason, Guid MessageId, DateTimeOffset At, long ReviewSequence);

/// <summary>
/// The applicant uploaded its application form stamped with its official seal (a city's: the city government's),
/// after passing initial review; the platform keeps the scan and its SHA-256.
/// </summary>
public sealed record StampedFormUploaded(Guid ApplicationId, Guid DocumentId, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);
