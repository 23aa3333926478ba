namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Where a review case stands.</summary>
public enum ReviewCaseStatus { AwaitingInitialReview, ReturnedForChanges, Passed, Rejected, Withdrawn }

/// <summary>
/// What the deciders need to know of a review case; its stream id is the application's id. Registration's messages may
/// arrive in any order: until the submission opens the case, <see cref="HeardEarly"/> keeps what arrived before it.
/// </summary>
public sealed record ReviewCase(
    Guid Id, Guid CampaignId, string AuthorityCode, Contracts.ApplicationCategory Category, string? Class,
    long SubmissionVersion, int Round, ReviewCaseStatus Status, string? StampedFormSha256, long StampedFormSequence = 0,
    HeardBeforeSubmission? HeardEarly = null, IReadOnlyList<string>? RelatedParties = null, bool? ExpertReviewPassed = null,
    decimal? ExpertReviewScore = null)
{
    /// <summary>Whether the submission arrived: only then is there a case to decide.</summary>
    public bool Opened => HeardEarly is null;

    public static ReviewCase Create(ReviewCaseOpened e) => new(e.ApplicationId, e.CampaignId, e.AuthorityCode, e.Category, e.Class,
        e.SubmissionVersion, 1, ReviewCaseStatus.AwaitingInitialReview, null, RelatedParties: e.RelatedParties ?? []);

    public static ReviewCase Create(WithdrawalHeardBeforeSubmission e) => NotYetOpened(e.ApplicationId).Apply(e);

    public static ReviewCase Create(StampedFormHeardBeforeSubmission e) => NotYetOpened(e.ApplicationId).Apply(e);

    // Opening a case that has heard something already: what was heard follows in the same append.
    public ReviewCase Apply(ReviewCaseOpened e) => Create(e);

    public ReviewCase Apply(WithdrawalHeardBeforeSubmission e) => this with { HeardEarly = HeardEarly! with { Withdrawal = e } };

    public ReviewCase Apply(StampedFormHeardBeforeSubmission e) => this with { HeardEarly = HeardEarly! with { StampedForm = e } };

    public ReviewCase Apply(ApplicationResubmitted e) =>
        this with
        {
            SubmissionVersion = e.SubmissionVersion, Round = e.Round, Status = ReviewCaseStatus.AwaitingInitialReview,
            RelatedParties = e.RelatedParties ?? RelatedParties,
        };

    public ReviewCase Apply(InitialReviewPassed e) => this with { Status = ReviewCaseStatus.Passed };

    public ReviewCase Apply(InitialReviewRejected e) => this with { Status = ReviewCaseStatus.Rejected };

    public ReviewCase Apply(ReturnedForChanges e) => this with { Status = ReviewCaseStatus.ReturnedForChanges };

    public ReviewCase Apply(ReviewCaseWithdrawn e) => this with { Status = ReviewCaseStatus.Withdrawn };

    public ReviewCase Apply(ExpertReviewConcluded e) => this with { ExpertReviewPassed = e.Passed, ExpertReviewScore = e.Score };

    public ReviewCase Apply(StampedFormReceived e) => this with { StampedFormSha256 = e.Sha256, StampedFormSequence = e.SourceSequence };

    /// <summary>The organisations the applicant lists as related parties (credit codes): experts of these are conflicted.</summary>
    public IReadOnlyList<string> RelatedPartyCodes => RelatedParties ?? [];

    /// <summary>Passed, with its stamped form in hand: it may be recommended.</summary>
    public bool Recommendable => Opened && Status == ReviewCaseStatus.Passed && StampedFormSha256 is not null;

    static ReviewCase NotYetOpened(Guid id) => new(id, Guid.Empty, "", default, null, 0, 0, ReviewCaseStatus.AwaitingInitialReview, null,
        HeardEarly: new(null, null));
}

/// <summary>What Registration said of an application before its submission reached Review.</summary>
public sealed record HeardBeforeSubmission(WithdrawalHeardBeforeSubmission? Withdrawal, StampedFormHeardBeforeSubmission? StampedForm);
