namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Where a review case stands.</summary>
public enum ReviewCaseStatus { AwaitingInitialReview, ReturnedForChanges, Passed, Rejected, Withdrawn }

/// <summary>What the deciders need to know of a review case; its stream id is the application's id.</summary>
public sealed record ReviewCase(
    Guid Id, Guid CampaignId, string AuthorityCode, Contracts.ApplicationCategory Category, string? Class,
    long SubmissionVersion, int Round, ReviewCaseStatus Status, string? StampedFormSha256)
{
    public static ReviewCase Create(ReviewCaseOpened e) => new(e.ApplicationId, e.CampaignId, e.AuthorityCode, e.Category, e.Class,
        e.SubmissionVersion, 1, ReviewCaseStatus.AwaitingInitialReview, null);

    public ReviewCase Apply(ApplicationResubmitted e) =>
        this with { SubmissionVersion = e.SubmissionVersion, Round = e.Round, Status = ReviewCaseStatus.AwaitingInitialReview };

    public ReviewCase Apply(InitialReviewPassed e) => this with { Status = ReviewCaseStatus.Passed };

    public ReviewCase Apply(InitialReviewRejected e) => this with { Status = ReviewCaseStatus.Rejected };

    public ReviewCase Apply(ReturnedForChanges e) => this with { Status = ReviewCaseStatus.ReturnedForChanges };

    public ReviewCase Apply(ReviewCaseWithdrawn e) => this with { Status = ReviewCaseStatus.Withdrawn };

    public ReviewCase Apply(StampedFormReceived e) => this with { StampedFormSha256 = e.Sha256 };

    /// <summary>Passed, with its stamped form in hand: it may be recommended.</summary>
    public bool Recommendable => Status == ReviewCaseStatus.Passed && StampedFormSha256 is not null;
}
