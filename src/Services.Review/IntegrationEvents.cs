using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review;

/// <summary>What Review tells the other services (Registration shows it to the applicant), mapped from its stored events.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        InitialReviewPassed e => Stage(e.ApplicationId, Published.ReviewStage.PassedInitialReview, e.Comment, e.At, @event),
        InitialReviewRejected e => Stage(e.ApplicationId, Published.ReviewStage.RejectedInitialReview, e.Reason, e.At, @event),
        ReturnedForChanges e => Stage(e.ApplicationId, Published.ReviewStage.ReturnedForChanges, e.Comments, e.At, @event),
        ApplicationRecommended e => Stage(e.ApplicationId, Published.ReviewStage.Recommended, null, e.At, @event),
        RecommendationRemoved e => Stage(e.ApplicationId, Published.ReviewStage.NotRecommended, null, e.At, @event),
        PackageSubmitted e => new Published.RecommendationPackageStageReached(e.CampaignId, e.AuthorityCode,
            e.Entries.Select(x => x.ApplicationId).ToList(), Published.ReviewStage.SubmittedToMinistry, e.At, @event.Sequence),
        PackageAcknowledged e => new Published.RecommendationPackageStageReached(e.CampaignId, e.AuthorityCode, e.ApplicationIds,
            Published.ReviewStage.AwaitingExpertReview, e.At, @event.Sequence),
        // Back with the authority: its applications show as recommended again until the package is resubmitted.
        PackageReturned e => new Published.RecommendationPackageStageReached(e.CampaignId, e.AuthorityCode, e.ApplicationIds ?? [],
            Published.ReviewStage.Recommended, e.At, @event.Sequence),
        SiteVisitScheduled e => Stage(e.ApplicationId, Published.ReviewStage.SiteVisit, null, e.At, @event),
        CandidateSelected e => Stage(e.ApplicationId, Published.ReviewStage.Selected, e.Comment, e.At, @event),
        CandidateDeclined e => Stage(e.ApplicationId, Published.ReviewStage.NotSelected, e.Reason, e.At, @event),
        // Told when the notice is out, not at the consensus: only then is it final that the application is not a candidate.
        LeftOffPublicNotice e => Stage(e.ApplicationId, Published.ReviewStage.NotSelected, LeftOffPublicNotice.Reason, e.At, @event),
        DemonstrationAddedToFinalList e => new Published.DemonstrationSelected(e.ApplicationId, e.CampaignId, e.Batch, e.Year, e.Category,
            e.Class, e.ServiceMode, e.OrganisationName, e.CreditCode, e.AuthorityCode, e.At),
        // The first expert assigned: the applicant sees its application under expert review.
        ExpertReviewOpened e => Stage(e.ApplicationId, Published.ReviewStage.UnderExpertReview, null, e.At, @event),
        _ => null,
    };

    // The stages of one application come from several streams (its case, its ranked list, its package): the store's
    // global sequence is the one order they all share.
    static Published.ApplicationReviewStageReached Stage(
        Guid id, Published.ReviewStage stage, string? reason, DateTimeOffset at, IEvent @event) =>
        new(id, stage, reason, at, @event.Sequence);
}
