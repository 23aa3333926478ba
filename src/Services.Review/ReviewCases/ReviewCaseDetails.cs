using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Where a review case stands.</summary>
public enum ReviewCaseStatus { AwaitingInitialReview }

/// <summary>A review case as an authority officer sees it.</summary>
public sealed record ReviewCaseDetails(
    Guid Id,
    long Version,
    long SubmissionVersion,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    ReviewCaseStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset OpenedAt);

/// <summary>Keeps <see cref="ReviewCaseDetails"/> in step with each case's stream, in the same transaction.</summary>
public sealed class ReviewCaseDetailsProjection : SingleStreamProjection<ReviewCaseDetails, Guid>
{
    public static ReviewCaseDetails Create(IEvent<ReviewCaseOpened> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.SubmissionVersion, e.Data.Category, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, ReviewCaseStatus.AwaitingInitialReview, e.Data.SubmittedAt,
        e.Data.OpenedAt);
}
