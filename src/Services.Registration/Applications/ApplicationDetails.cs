using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using Marten;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Memberships;

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
    DateTimeOffset? SubmittedAt,
    string? OwnerOrganisation = null);

/// <summary>The stamped form's scan as the platform keeps it.</summary>
public sealed record StampedScan(Guid DocumentId, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Keeps <see cref="ApplicationDetails"/> in step with each application's stream, in the same transaction.</summary>
public sealed class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDraftCreated> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.CampaignId, e.Data.OwnerSubject, e.Data.Category, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, ApplicationStatus.Draft, ApplicationForm.Empty, 0, null, [], null, 0, null,
        e.Data.CreatedAt, e.Data.CreatedAt, null, e.Data.OwnerOrganisation);

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

/// <summary>
/// Who may see and change an application: the one access policy of Registration. Access is by owner, never by a shared
/// field alone. An applicant's application belongs to the account that created it and to its organisation: the creator
/// keeps its own drafts even before its binding is verified, every verified member of the organisation (Registration's
/// copy of Identity's word, <see cref="Membership"/>) sees and changes them all, a removed member none. A city's
/// application belongs to the city authority account that filed it. Once submitted, its authority sees it; the ministry
/// and auditors see everything.
/// </summary>
public sealed record ApplicationAccess(CurrentUser User, Membership? Membership)
{
    /// <summary>The access of <paramref name="user"/>, with what Registration knows of its membership.</summary>
    public static async Task<ApplicationAccess> OfAsync(IQuerySession session, CurrentUser user, CancellationToken ct) =>
        new(user, user.Is(PlatformRoles.Applicant) ? await session.LoadAsync<Membership>(Membership.IdFor(user.Subject), ct) : null);

    /// <summary>The credit code of the organisation the applicant is a verified member of, or null.</summary>
    public string? VerifiedOrganisation =>
        Membership is { Verified: true } m && m.CreditCode == User.CreditCode ? m.CreditCode : null;

    /// <summary>Identity said the account was removed from its organisation (and has not verified it again since).</summary>
    bool Removed => Membership is { Verified: false };

    public bool CanSee(ApplicationDetails application) =>
        User.SeesEverything
        || CanChange(application)
        || (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn) && User.ActsFor(application.AuthorityCode));

    public bool CanChange(ApplicationDetails application) => User.Role switch
    {
        PlatformRoles.Applicant => application.Category != ApplicationCategory.City
            && ((VerifiedOrganisation is { } organisation && application.OwnerOrganisation == organisation)
                || (application.OwnerSubject == User.Subject && !Removed)),
        PlatformRoles.CityAuthority => application.Category == ApplicationCategory.City && application.OwnerSubject == User.Subject,
        _ => false,
    };

    /// <summary>The applications of a list the user may see (an officer's: its authority's, once submitted).</summary>
    public IQueryable<ApplicationDetails> Scope(IQueryable<ApplicationDetails> query)
    {
        var subject = User.Subject;
        var authority = User.AuthorityCode;
        return User.Role switch
        {
            PlatformRoles.Applicant when VerifiedOrganisation is { } organisation =>
                query.Where(a => a.OwnerOrganisation == organisation || a.OwnerSubject == subject),
            PlatformRoles.Applicant when !Removed => query.Where(a => a.OwnerSubject == subject),
            PlatformRoles.CityAuthority => query.Where(a => a.OwnerSubject == subject && a.Category == ApplicationCategory.City),
            PlatformRoles.AuthorityOfficer => query.Where(a => a.AuthorityCode == authority
                && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
            _ when User.SeesEverything => query,
            _ => query.Where(a => a.Id == Guid.Empty),
        };
    }

    /// <summary>Why the user may not submit an application it may change, or null: an applicant submits only once verified.</summary>
    public Rule? SubmissionRefusal =>
        User.Is(PlatformRoles.Applicant) && VerifiedOrganisation is null ? ApplicationRules.OrganisationNotVerified : null;
}
