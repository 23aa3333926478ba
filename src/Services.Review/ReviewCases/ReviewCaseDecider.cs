using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

public abstract record ReviewCaseCommand(Guid ApplicationId);

/// <summary>Open the review case of a submitted application (from Registration's ApplicationSubmitted).</summary>
public sealed record OpenReviewCase(
    Guid ApplicationId, long SubmissionVersion, ApplicationCategory Category, string OrganisationName,
    string CreditCode, string AuthorityCode, DateTimeOffset SubmittedAt) : ReviewCaseCommand(ApplicationId);

/// <summary>Decides what a review-case command means, given the case's state and the time.</summary>
public static class ReviewCaseDecider
{
    public static object[] Decide(ReviewCaseCommand command, ReviewCase? state, DateTimeOffset now) => command switch
    {
        OpenReviewCase c when state is null => [new ReviewCaseOpened(c.ApplicationId, c.SubmissionVersion,
            c.Category, c.OrganisationName, c.CreditCode, c.AuthorityCode, c.SubmittedAt, now)],
        // The broker delivers at least once: the same submission arriving again changes nothing.
        OpenReviewCase => [],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown review-case command."),
    };
}
