namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>What the decider needs to know of a review case; its stream id is the application's id.</summary>
public sealed record ReviewCase(Guid Id, long SubmissionVersion, string AuthorityCode)
{
    public static ReviewCase Create(ReviewCaseOpened e) => new(e.ApplicationId, e.SubmissionVersion, e.AuthorityCode);
}
