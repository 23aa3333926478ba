using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

public class ReviewCaseDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset SubmittedAt = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset Now = SubmittedAt.AddSeconds(2);
    static readonly OpenReviewCase Open = new(Id, 2, ApplicationCategory.Platform, "宁波某某共享制造平台有限公司",
        "914403001922038216", "330200", SubmittedAt);

    [Fact]
    public void ASubmittedApplicationOpensItsReviewCase() =>
        Assert.Equal(
            [new ReviewCaseOpened(Id, 2, ApplicationCategory.Platform, "宁波某某共享制造平台有限公司", "914403001922038216", "330200", SubmittedAt, Now)],
            ReviewCaseDecider.Decide(Open, state: null, Now));

    [Fact]
    public void TheSameSubmissionArrivingAgainChangesNothing()
    {
        var opened = ReviewCase.Create((ReviewCaseOpened)ReviewCaseDecider.Decide(Open, null, Now).Single());

        Assert.Empty(ReviewCaseDecider.Decide(Open, opened, Now.AddMinutes(5)));
    }
}
