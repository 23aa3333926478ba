using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review;

/// <summary>What Review tells the other services (Registration shows it to the applicant), mapped from its stored events.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        InitialReviewPassed e => Stage(e.ApplicationId, Published.ReviewStage.PassedInitialReview, e.Comment, e.At),
        InitialReviewRejected e => Stage(e.ApplicationId, Published.ReviewStage.RejectedInitialReview, e.Reason, e.At),
        ReturnedForChanges e => Stage(e.ApplicationId, Published.ReviewStage.ReturnedForChanges, e.Comments, e.At),
        ApplicationRecommended e => Stage(e.ApplicationId, Published.ReviewStage.Recommended, null, e.At),
        RecommendationRemoved e => Stage(e.ApplicationId, Published.ReviewStage.NotRecommended, null, e.At),
        PackageSubmitted e => new Published.RecommendationPackageStageReached(e.CampaignId, e.AuthorityCode,
            e.Entries.Select(x => x.ApplicationId).ToList(), Published.ReviewStage.SubmittedToMinistry, e.At),
        PackageAcknowledged e => new Published.RecommendationPackageStageReached(e.CampaignId, e.AuthorityCode, e.ApplicationIds,
            Published.ReviewStage.AwaitingExpertReview, e.At),
        _ => null,
    };

    static Published.ApplicationReviewStageReached Stage(Guid id, Published.ReviewStage stage, string? reason, DateTimeOffset at) =>
        new(id, stage, reason, at);
}
