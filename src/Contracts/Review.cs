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

/// <summary>
/// After its public notice (公示), the ministry selected an application as a demonstration of the campaign's batch
/// (<see cref="Batch"/>, selected in <see cref="Year"/>). Evaluation adds it to its roster of demonstrations; Registration
/// learns the stage from <see cref="ApplicationReviewStageReached"/> (<see cref="ReviewStage.Selected"/>).
/// <see cref="Class"/> is the platform or city class and <see cref="ServiceMode"/> the enterprise's service mode, as in
/// <see cref="ApplicationSubmitted"/>.
/// </summary>
public sealed record DemonstrationSelected(
    Guid ApplicationId,
    Guid CampaignId,
    int Batch,
    int Year,
    ApplicationCategory Category,
    string? Class,
    string? ServiceMode,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    DateTimeOffset SelectedAt);
