using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>An application submitted to an authority arrived for its initial review (初审).</summary>
public sealed record ReviewCaseOpened(
    Guid ApplicationId,
    long SubmissionVersion,
    Guid CampaignId,
    ApplicationCategory Category,
    string? Class,
    string? ServiceMode,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyList<string> Warnings,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    DateTimeOffset OpenedAt,
    IReadOnlyList<string>? RelatedParties = null);

/// <summary>An application returned for changes came back, edited: a new round of initial review.</summary>
public sealed record ApplicationResubmitted(Guid ApplicationId, long SubmissionVersion, int Round, IReadOnlyList<string> Warnings,
    string ContentHash, DateTimeOffset SubmittedAt, DateTimeOffset At, IReadOnlyList<string>? RelatedParties = null);

public sealed record InitialReviewPassed(Guid ApplicationId, int Round, string? Comment, string DecidedBy, DateTimeOffset At);

public sealed record InitialReviewRejected(Guid ApplicationId, int Round, string Reason, string DecidedBy, DateTimeOffset At);

public sealed record ReturnedForChanges(Guid ApplicationId, int Round, string Comments, string DecidedBy, DateTimeOffset At);

/// <summary>
/// The applicant uploaded its stamped application form (as Registration reported). <see cref="SourceSequence"/> is the
/// upload's place in Registration's history: of two uploads, the later one counts, whichever arrives last.
/// </summary>
public sealed record StampedFormReceived(Guid ApplicationId, string Sha256, DateTimeOffset At, long SourceSequence = 0);

/// <summary>The applicant withdrew the application (as Registration reported); the case is closed.</summary>
public sealed record ReviewCaseWithdrawn(Guid ApplicationId, DateTimeOffset At);

/// <summary>
/// Registration's word that the application was withdrawn overtook its submission (each message has its own queue):
/// kept, so that the submission, when it arrives, opens the case withdrawn.
/// </summary>
public sealed record WithdrawalHeardBeforeSubmission(Guid ApplicationId, DateTimeOffset At);

/// <summary>The stamped form's message overtook the submission: kept until the case opens.</summary>
public sealed record StampedFormHeardBeforeSubmission(Guid ApplicationId, string Sha256, DateTimeOffset At, long SourceSequence);

/// <summary>
/// The experts' review of the application ended: the ministry recorded the experts' consensus (合议), whose agreed total is
/// <see cref="Score"/>; <see cref="Passed"/> when every criterion and the total reach their pass thresholds. Site visits
/// and selection go on from here.
/// </summary>
public sealed record ExpertReviewConcluded(
    Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string AuthorityCode, bool Passed, decimal Score, DateTimeOffset ConcludedAt);
