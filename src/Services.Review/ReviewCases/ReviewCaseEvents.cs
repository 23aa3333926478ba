using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>An application submitted to an authority arrived for its initial review (初审).</summary>
public sealed record ReviewCaseOpened(
    Guid ApplicationId,
    long SubmissionVersion,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    DateTimeOffset SubmittedAt,
    DateTimeOffset OpenedAt);
