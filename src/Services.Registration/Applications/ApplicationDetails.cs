using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An application as its applicant, its authority and the API see it: the applicant's status view.</summary>
public sealed record ApplicationDetails(
    Guid Id,
    long Version,
    Guid CampaignId,
    string OwnerSubject,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    ApplicationStatus Status,
    ApplicationForm Form,
    int Round,
    string? ContentHash,
    IReadOnlyList<string> Warnings,
    string? ReviewReason,
    long ReviewSequence,
    StampedScan? StampedForm,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt);

/// <summary>The stamped form's scan as the platform keeps it.</summary>
public sealed record StampedScan(Guid DocumentId, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Keeps <see cref="ApplicationDetails"/> in step with each application's stream, in the same transaction.</summary>
public sealed class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDraftCreated> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.CampaignId, e.Data.OwnerSubject, e.Data.Category, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, ApplicationStatus.Draft, ApplicationForm.Empty, 0, null, [], null, 0, null,
        e.Data.CreatedAt, e.Data.CreatedAt, null);

    public static ApplicationDetails Apply(IEvent<ApplicationFormSaved> e, ApplicationDetails d) =>
        d with { Version = e.Version, Form = e.Data.Form, UpdatedAt = e.Data.SavedAt };

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails d) => d with
    {
        Version = e.Version, Status = ApplicationStatus.Submitted, Round = d.Round + 1, ContentHash = e.Data.ContentHash,
        Warnings = e.Data.Warnings, ReviewReason = null, SubmittedAt = e.Data.SubmittedAt, UpdatedAt = e.Data.SubmittedAt,
    };

    public static ApplicationDetails Apply(IEvent<StampedFormUploaded> e, ApplicationDetails d) => d with
    {
        Version = e.Version, Status = ApplicationStatus.StampedFormUploaded, UpdatedAt = e.Data.UploadedAt,
        StampedForm = new StampedScan(e.Data.DocumentId, e.Data.ContentType, e.Data.Length, e.Data.Sha256, e.Data.UploadedAt),
    };

    public static ApplicationDetails Apply(IEvent<ApplicationWithdrawn> e, ApplicationDetails d) =>
        d with { Version = e.Version, Status = ApplicationStatus.Withdrawn, ReviewReason = e.Data.Reason, UpdatedAt = e.Data.WithdrawnAt };

    public static ApplicationDetails Apply(IEvent<ReviewStageReported> e, ApplicationDetails d) =>
        Application.Moves(d.Status, d.ReviewSequence, e.Data)
            ? d with
            {
                Version = e.Version, Status = Application.StatusOf(e.Data.Stage), ReviewReason = e.Data.Reason,
                ReviewSequence = e.Data.ReviewSequence, UpdatedAt = e.Data.At,
            }
            : d with { Version = e.Version };
}

/// <summary>Who may see and change an application.</summary>
public static class ApplicationAccess
{
    /// <summary>The ministry and auditors; its owner (an applicant: anyone of its organisation); once submitted, its authority.</summary>
    public static bool CanSee(CurrentUser user, ApplicationDetails application) =>
        user.SeesEverything
        || CanChange(user, application)
        || (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn) && user.ActsFor(application.AuthorityCode));

    /// <summary>Its owner: the applicant organisation's accounts, or the city authority account that filed it.</summary>
    public static bool CanChange(CurrentUser user, ApplicationDetails application) => user.Role switch
    {
        PlatformRoles.Applicant => user.CreditCode == application.CreditCode,
        PlatformRoles.CityAuthority => user.Subject == application.OwnerSubject,
        _ => false,
    };
}
