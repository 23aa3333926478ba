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

/// <summary>An application reached a stage of review; <see cref="Reason"/> explains a rejection or return.</summary>
public sealed record ApplicationReviewStageReached(Guid ApplicationId, ReviewStage Stage, string? Reason, DateTimeOffset At);
