using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.ReviewCases;

public abstract record ReviewCaseCommand(Guid ApplicationId);

/// <summary>Open (or, after a return for changes, reopen) the review case of a submitted application.</summary>
public sealed record OpenReviewCase(ApplicationSubmitted Submission) : ReviewCaseCommand(Submission.ApplicationId);

public enum InitialReviewDecision { Pass, Reject, Return }

/// <summary>初审: an officer of the application's authority passes, rejects (with a reason) or returns it (with comments).</summary>
public sealed record DecideInitialReview(Guid ApplicationId, InitialReviewDecision Decision, string? Reason, string DecidedBy)
    : ReviewCaseCommand(ApplicationId);

public sealed record WithdrawReviewCase(Guid ApplicationId) : ReviewCaseCommand(ApplicationId);

/// <summary>Note the stamped form; <paramref name="SourceSequence"/> is the upload's place in Registration's history.</summary>
public sealed record ReceiveStampedForm(Guid ApplicationId, string Sha256, long SourceSequence = 0) : ReviewCaseCommand(ApplicationId);

public static class ReviewCaseRules
{
    public static readonly Rule NotFound = Rule.NotFound("review-case-not-found",
        "审核案卷不存在。", "There is no review case for this application.");
    public static readonly Rule AlreadyDecided = Rule.Conflict("initial-review-already-decided",
        "本轮初审已作出决定。", "The initial review of this round has already been decided.");
    public static readonly Rule Withdrawn = Rule.Conflict("application-withdrawn",
        "申报单位已撤回该申报。", "The applicant has withdrawn this application.");
    public static readonly Rule ReasonRequired = Rule.Unprocessable("initial-review-reason-required",
        "不予通过或退回修改时须说明理由。", "A rejection or a return for changes needs its reason.");
}

/// <summary>
/// Decides what a review-case command means, given the case's state and the time. Registration's messages (submission,
/// stamped form, withdrawal) may arrive in any order, each message once (the consumers' rule): what arrives before the
/// submission is kept and takes effect when the case opens; a withdrawal is final, whenever it arrives.
/// </summary>
public static class ReviewCaseDecider
{
    public static object[] Decide(ReviewCaseCommand command, ReviewCase? state, DateTimeOffset now) => command switch
    {
        OpenReviewCase { Submission: var s } when state is not { Opened: true } => [Opened(s, now), .. HeardEarly(state)],
        // An earlier round arriving after a later one tells nothing new.
        OpenReviewCase { Submission: var s } when s.Version <= state.SubmissionVersion => [],
        OpenReviewCase { Submission: var s } when state.Status == ReviewCaseStatus.ReturnedForChanges =>
            [new ApplicationResubmitted(s.ApplicationId, s.Version, state.Round + 1, s.Warnings, s.ContentHash, s.SubmittedAt, now,
                s.RelatedParties ?? [])],
        OpenReviewCase => [],
        WithdrawReviewCase c when state is not { Opened: true } =>
            state?.HeardEarly?.Withdrawal is null ? [new WithdrawalHeardBeforeSubmission(c.ApplicationId, now)] : [],
        ReceiveStampedForm c when state is not { Opened: true } =>
            state?.HeardEarly?.StampedForm is { } heard && heard.SourceSequence > c.SourceSequence ? []
            : [new StampedFormHeardBeforeSubmission(c.ApplicationId, c.Sha256, now, c.SourceSequence)],
        _ when state is not { Opened: true } => throw new RuleViolation(ReviewCaseRules.NotFound),
        DecideInitialReview when state.Status == ReviewCaseStatus.Withdrawn => throw new RuleViolation(ReviewCaseRules.Withdrawn),
        DecideInitialReview when state.Status != ReviewCaseStatus.AwaitingInitialReview => throw new RuleViolation(ReviewCaseRules.AlreadyDecided),
        DecideInitialReview { Decision: not InitialReviewDecision.Pass, Reason: null or "" } => throw new RuleViolation(ReviewCaseRules.ReasonRequired),
        DecideInitialReview { Decision: InitialReviewDecision.Pass } c => [new InitialReviewPassed(state.Id, state.Round, c.Reason, c.DecidedBy, now)],
        DecideInitialReview { Decision: InitialReviewDecision.Reject } c => [new InitialReviewRejected(state.Id, state.Round, c.Reason!, c.DecidedBy, now)],
        DecideInitialReview c => [new ReturnedForChanges(state.Id, state.Round, c.Reason!, c.DecidedBy, now)],
        WithdrawReviewCase when state.Status == ReviewCaseStatus.Withdrawn => [],
        WithdrawReviewCase => [new ReviewCaseWithdrawn(state.Id, now)],
        // Of two uploads the later counts, whichever arrives last; the same form again changes nothing.
        ReceiveStampedForm c when c.SourceSequence < state.StampedFormSequence || c.Sha256 == state.StampedFormSha256 => [],
        ReceiveStampedForm c => [new StampedFormReceived(state.Id, c.Sha256, now, c.SourceSequence)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown review-case command."),
    };

    static ReviewCaseOpened Opened(ApplicationSubmitted s, DateTimeOffset now) => new(s.ApplicationId, s.Version, s.CampaignId,
        s.Category, s.Class, s.ServiceMode, s.OrganisationName, s.CreditCode, s.AuthorityCode, s.ContactName, s.ContactPhone,
        s.Warnings, s.ContentHash, s.SubmittedAt, now, s.RelatedParties ?? []);

    /// <summary>What arrived before the submission, as the events it means once the case is open.</summary>
    static IEnumerable<object> HeardEarly(ReviewCase? state)
    {
        if (state?.HeardEarly?.StampedForm is { } form)
            yield return new StampedFormReceived(form.ApplicationId, form.Sha256, form.At, form.SourceSequence);
        if (state?.HeardEarly?.Withdrawal is { } withdrawal)
            yield return new ReviewCaseWithdrawn(withdrawal.ApplicationId, withdrawal.At);
    }
}
