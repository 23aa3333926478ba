using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>Where an application is in its life: its own steps, then the review stages Review reports.</summary>
public enum ApplicationStatus
{
    Draft, Submitted, ReturnedForChanges, Withdrawn,
    PassedInitialReview, RejectedInitialReview, StampedFormUploaded, Recommended, NotRecommended, SubmittedToMinistry,
    AwaitingExpertReview, UnderExpertReview, SiteVisit, Selected, NotSelected,
}

/// <summary>What the decider needs to know of an application: built from its stream, never mutated.</summary>
public sealed record Application(
    Guid Id, Guid CampaignId, string OwnerSubject, ApplicationCategory Category, string OrganisationName, string CreditCode,
    string AuthorityCode, ApplicationForm Form, ApplicationStatus Status, int Round, long ReviewSequence, string? City = null)
{
    public static Application Create(ApplicationDraftCreated e) => new(e.ApplicationId, e.CampaignId, e.OwnerSubject,
        e.Category, e.OrganisationName, e.CreditCode, e.AuthorityCode, ApplicationForm.Empty, ApplicationStatus.Draft, 0, 0, e.City);

    public Application Apply(ApplicationFormSaved e) => this with { Form = e.Form };

    public Application Apply(ApplicationSubmitted e) => this with { Status = ApplicationStatus.Submitted, Round = Round + 1 };

    public Application Apply(StampedFormUploaded e) => this with { Status = ApplicationStatus.StampedFormUploaded };

    public Application Apply(ApplicationWithdrawn e) => this with { Status = ApplicationStatus.Withdrawn };

    public Application Apply(ReviewStageReported e) => Moves(Status, ReviewSequence, e)
        ? this with { Status = StatusOf(e.Stage), ReviewSequence = e.ReviewSequence }
        : this;

    /// <summary>
    /// Whether <paramref name="e"/> moves the application's status: it is later in Review's history than every stage
    /// reported so far, and the application is not withdrawn (a withdrawal is final; an authority's decision that
    /// crossed it is kept in the history, and Review closes the case when the withdrawal reaches it).
    /// </summary>
    public static bool Moves(ApplicationStatus status, long reviewSequence, ReviewStageReported e) =>
        status != ApplicationStatus.Withdrawn && e.ReviewSequence > reviewSequence;

    /// <summary>A draft, or an application its authority returned for changes, can be edited and submitted.</summary>
    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.ReturnedForChanges;

    public static ApplicationStatus StatusOf(ReviewStage stage) => stage switch
    {
        ReviewStage.PassedInitialReview => ApplicationStatus.PassedInitialReview,
        ReviewStage.RejectedInitialReview => ApplicationStatus.RejectedInitialReview,
        ReviewStage.ReturnedForChanges => ApplicationStatus.ReturnedForChanges,
        ReviewStage.Recommended => ApplicationStatus.Recommended,
        ReviewStage.NotRecommended => ApplicationStatus.NotRecommended,
        ReviewStage.SubmittedToMinistry => ApplicationStatus.SubmittedToMinistry,
        ReviewStage.AwaitingExpertReview => ApplicationStatus.AwaitingExpertReview,
        ReviewStage.UnderExpertReview => ApplicationStatus.UnderExpertReview,
        ReviewStage.SiteVisit => ApplicationStatus.SiteVisit,
        ReviewStage.Selected => ApplicationStatus.Selected,
        ReviewStage.NotSelected => ApplicationStatus.NotSelected,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
