using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

public class ReviewCaseDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly Guid Campaign = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly ApplicationSubmitted Submission = new(Id, 3, Campaign, ApplicationCategory.Platform, "sharedManufacturing",
        "sharedManufacturing", "宁波某某共享制造平台有限公司", "914403001922038216", "330200", "陈静", "0574-8888 0000", [], new string('a', 64), Now.AddHours(-1));
    static readonly ReviewCaseOpened Opened = (ReviewCaseOpened)ReviewCaseDecider.Decide(new OpenReviewCase(Submission), null, Now).Single();

    [Fact]
    public void ASubmittedApplicationOpensItsReviewCase() =>
        Assert.Equal((Id, 3L, "330200", "sharedManufacturing"), (Opened.ApplicationId, Opened.SubmissionVersion, Opened.AuthorityCode, Opened.Class));

    [Fact]
    public void TheSameSubmissionArrivingAgainChangesNothing() =>
        Assert.Empty(ReviewCaseDecider.Decide(new OpenReviewCase(Submission), Given(Opened), Now.AddMinutes(5)));

    [Fact]
    public void ARejectionAndAReturnNeedTheirReason()
    {
        foreach (var decision in new[] { InitialReviewDecision.Reject, InitialReviewDecision.Return })
            Assert.Equal(ReviewCaseRules.ReasonRequired, Assert.Throws<RuleViolation>(() =>
                ReviewCaseDecider.Decide(new DecideInitialReview(Id, decision, " ".Trim(), "officer"), Given(Opened), Now)).Rule);
    }

    [Fact]
    public void AnApplicationIsDecidedOncePerRound()
    {
        var passed = new InitialReviewPassed(Id, 1, null, "officer-1", Now);
        Assert.Equal(ReviewCaseRules.AlreadyDecided, Assert.Throws<RuleViolation>(() =>
            ReviewCaseDecider.Decide(new DecideInitialReview(Id, InitialReviewDecision.Reject, "迟到", "officer-2"), Given(Opened, passed), Now)).Rule);
    }

    [Fact]
    public void AReturnedApplicationComesBackForANewRound()
    {
        var returned = new ReturnedForChanges(Id, 1, "请补充平台运营数据", "officer", Now);
        var resubmission = Submission with { Version = 6, ContentHash = new string('b', 64) };

        var reopened = Assert.IsType<ApplicationResubmitted>(Assert.Single(ReviewCaseDecider.Decide(new OpenReviewCase(resubmission), Given(Opened, returned), Now)));

        Assert.Equal((2, 6L, new string('b', 64)), (reopened.Round, reopened.SubmissionVersion, reopened.ContentHash));
    }

    [Fact]
    public void AWithdrawnApplicationIsNoLongerDecided()
    {
        var withdrawn = Assert.IsType<ReviewCaseWithdrawn>(Assert.Single(ReviewCaseDecider.Decide(new WithdrawReviewCase(Id), Given(Opened), Now)));
        Assert.Equal(ReviewCaseRules.Withdrawn, Assert.Throws<RuleViolation>(() =>
            ReviewCaseDecider.Decide(new DecideInitialReview(Id, InitialReviewDecision.Pass, null, "officer"), Given(Opened, withdrawn), Now)).Rule);
        Assert.Empty(ReviewCaseDecider.Decide(new WithdrawReviewCase(Id), Given(Opened, withdrawn), Now));
    }

    [Fact]
    public void EveryDecisionKeepsWhoWhenAndWhy() =>
        Assert.Equal([new InitialReviewRejected(Id, 1, "不符合共享制造类条件", "authority-officer:officer-ningbo", Now)],
            ReviewCaseDecider.Decide(new DecideInitialReview(Id, InitialReviewDecision.Reject, "不符合共享制造类条件", "authority-officer:officer-ningbo"), Given(Opened), Now));

    static ReviewCase Given(params object[] events) => events.Skip(1).Aggregate(ReviewCase.Create((ReviewCaseOpened)events[0]), (state, e) => e switch
    {
        InitialReviewPassed x => state.Apply(x),
        InitialReviewRejected x => state.Apply(x),
        ReturnedForChanges x => state.Apply(x),
        ApplicationResubmitted x => state.Apply(x),
        StampedFormReceived x => state.Apply(x),
        ReviewCaseWithdrawn x => state.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(events)),
    });
}
