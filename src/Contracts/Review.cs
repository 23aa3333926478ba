namespace ServiceManufacturing.Contracts;

/// <summary>Where an application stands in review, as Review tells Registration (and so the applicant).</summary>
public enum ReviewStage
{
    PassedInitialReview,
    RejectedInitialReview,
    ReturnedForChanges,
    Recommended,
    NotRecommended,
    SubmittedToMinistry,
    AwaitingExpertReview,
    UnderExpertReview,
    SiteVisit,
    Selected,
    NotSelected,
}

/// <summary>
/// An application reached a stage of review; <see cref="Reason"/> explains a rejection or return. <see cref="Sequence"/> is
/// the position of the stage in Review's history: messages may arrive in any order, and the stage with the highest
/// sequence is where the application stands.
/// </summary>
public sealed record ApplicationReviewStageReached(Guid ApplicationId, ReviewStage Stage, string? Reason, DateTimeOffset At, long Sequence);

/// <summary>
/// A recommending authority's package reached a stage for all its applications at once: submitted to the ministry
/// (<see cref="ReviewStage.SubmittedToMinistry"/>), acknowledged by it (<see cref="ReviewStage.AwaitingExpertReview"/>), or
/// returned by it to the authority (<see cref="ReviewStage.Recommended"/> again).
/// <see cref="Sequence"/> orders it among the application stages, as in <see cref="ApplicationReviewStageReached"/>.
/// </summary>
public sealed record RecommendationPackageStageReached(
    Guid CampaignId, string AuthorityCode, IReadOnlyList<Guid> ApplicationIds, ReviewStage Stage, DateTimeOffset At, long Sequence);
