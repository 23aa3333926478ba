using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>One initial-review decision, as the case's history keeps it.</summary>
public sealed record InitialReviewRound(int Round, string Decision, string? Reason, string DecidedBy, DateTimeOffset At);

/// <summary>A review case as an authority officer's worklist shows it.</summary>
public sealed record ReviewCaseDetails(
    Guid Id,
    long Version,
    Guid CampaignId,
    ApplicationCategory Category,
    string? Class,
    string? ServiceMode,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    string? ContactName,
    string? ContactPhone,
    ReviewCaseStatus Status,
    int Round,
    IReadOnlyList<string> Warnings,
    string ContentHash,
    string? StampedFormSha256,
    IReadOnlyList<InitialReviewRound> Decisions,
    DateTimeOffset SubmittedAt,
    DateTimeOffset OpenedAt);

/// <summary>Keeps <see cref="ReviewCaseDetails"/> in step with each case's stream, in the same transaction.</summary>
public sealed class ReviewCaseDetailsProjection : SingleStreamProjection<ReviewCaseDetails, Guid>
{
    public static ReviewCaseDetails Create(IEvent<ReviewCaseOpened> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.CampaignId, e.Data.Category, e.Data.Class, e.Data.ServiceMode, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, e.Data.ContactName, e.Data.ContactPhone, ReviewCaseStatus.AwaitingInitialReview, 1, e.Data.Warnings, e.Data.ContentHash, null, [],
        e.Data.SubmittedAt, e.Data.OpenedAt);

    public static ReviewCaseDetails Apply(IEvent<ApplicationResubmitted> e, ReviewCaseDetails d) => d with
    {
        Version = e.Version, Status = ReviewCaseStatus.AwaitingInitialReview, Round = e.Data.Round, Warnings = e.Data.Warnings,
        ContentHash = e.Data.ContentHash, SubmittedAt = e.Data.SubmittedAt,
    };

    public static ReviewCaseDetails Apply(IEvent<InitialReviewPassed> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.Passed, new(e.Data.Round, "pass", e.Data.Comment, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<InitialReviewRejected> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.Rejected, new(e.Data.Round, "reject", e.Data.Reason, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<ReturnedForChanges> e, ReviewCaseDetails d) =>
        Decided(d, e.Version, ReviewCaseStatus.ReturnedForChanges, new(e.Data.Round, "return", e.Data.Comments, e.Data.DecidedBy, e.Data.At));

    public static ReviewCaseDetails Apply(IEvent<ReviewCaseWithdrawn> e, ReviewCaseDetails d) =>
        d with { Version = e.Version, Status = ReviewCaseStatus.Withdrawn };

    public static ReviewCaseDetails Apply(IEvent<StampedFormReceived> e, ReviewCaseDetails d) =>
        d with { Version = e.Version, StampedFormSha256 = e.Data.Sha256 };

    static ReviewCaseDetails Decided(ReviewCaseDetails d, long version, ReviewCaseStatus status, InitialReviewRound round) =>
        d with { Version = version, Status = status, Decisions = [.. d.Decisions, round] };
}
