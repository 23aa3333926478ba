using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.Arrivals;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Registration's messages reach Review on separate queues, so in any order: every order ends the same.</summary>
public class ArrivalOrderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly Guid Campaign = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly ApplicationSubmitted Submission = new(Id, 3, Campaign, ApplicationCategory.Enterprise, null, "customization",
        "大连某某重工股份有限公司", "914403001922038216", "210200", "张伟", "0411-8888 0000", [], new string('a', 64), Now.AddHours(-1));

    // Registration's order: submitted (its event 10), stamped twice (40, 50; only after passing, but a relay catching up
    // may deliver them before the submission), withdrawn (60).
    static readonly ReviewCaseCommand Submit = new OpenReviewCase(Submission);
    static readonly ReviewCaseCommand FirstStamp = new ReceiveStampedForm(Id, new string('d', 64), 40);
    static readonly ReviewCaseCommand SecondStamp = new ReceiveStampedForm(Id, new string('e', 64), 50);
    static readonly ReviewCaseCommand Withdraw = new WithdrawReviewCase(Id);

    public static TheoryData<string, string> Pairs()
    {
        var names = new[] { nameof(Submit), nameof(FirstStamp), nameof(SecondStamp), nameof(Withdraw) };
        var pairs = new TheoryData<string, string>();
        foreach (var a in names)
        foreach (var b in names.Where(b => b != a))
            pairs.Add(a, b);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EachPairOfAnApplicationsMessagesEndsTheSameInEitherOrder(string first, string second)
    {
        var inOrder = Registration(Command(first), Command(second)).OrderBy(Position).ToArray();
        Assert.Equal(Outcome(Deliver(inOrder)), Outcome(Deliver(Command(first), Command(second))));
        Assert.Equal(Outcome(Deliver(inOrder)), Outcome(Deliver(Command(second), Command(first))));
    }

    [Fact]
    public void AllOfAnApplicationsMessagesEndTheSameInEveryOrder()
    {
        var expected = (Opened: true, Withdrawn: true, (string?)new string('e', 64), 3L);
        foreach (var order in InEveryOrder([Submit, FirstStamp, SecondStamp, Withdraw]))
            Assert.Equal(expected, Outcome(Deliver([.. order])));
    }

    [Fact]
    public void AWithdrawalThatOvertakesTheSubmissionOpensTheCaseWithdrawn()
    {
        var events = DeliveredEvents(Withdraw, Submit);

        Assert.IsType<WithdrawalHeardBeforeSubmission>(events[0]);
        Assert.Equal([typeof(ReviewCaseOpened), typeof(ReviewCaseWithdrawn)], events.Skip(1).Select(e => e.GetType()));
        Assert.Throws<ServiceDefaults.Http.RuleViolation>(() => ReviewCaseDecider.Decide(
            new DecideInitialReview(Id, InitialReviewDecision.Pass, null, "officer"), Deliver(Withdraw, Submit), Now));
    }

    [Fact]
    public void ACaseThatHasOnlyHeardOfItsStampedFormIsNotYetACase() =>
        Assert.Equal(ReviewCaseRules.NotFound, Assert.Throws<ServiceDefaults.Http.RuleViolation>(() => ReviewCaseDecider.Decide(
            new DecideInitialReview(Id, InitialReviewDecision.Pass, null, "officer"), Deliver(FirstStamp), Now)).Rule);

    [Fact]
    public void AResubmissionAndAWithdrawalAfterAReturnEndWithdrawnInEitherOrder()
    {
        var returned = new ReturnedForChanges(Id, 1, "请补充", "officer", Now);
        var resubmit = new OpenReviewCase(Submission with { Version = 6 });
        foreach (var order in InEveryOrder<ReviewCaseCommand>([resubmit, Withdraw]))
            Assert.Equal(ReviewCaseStatus.Withdrawn, Deliver([Submit], order, returned)!.Status);
    }

    [Fact]
    public void ADeadlineExtensionIsKeptUntilItsCampaignArrivesInEveryOrder()
    {
        var opened = new CampaignOpened(Campaign, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new(2023, 3, 20), new(2023, 5, 31), new(2023, 5, 31), new(2023, 5, 31)), ReviewFlow.Quotas, Now);
        var hebei = new DeadlineExceptionGranted(Campaign, "130000", DeadlineKind.Recommendations, new(2023, 6, 10), "汛期", "ministry", Now);
        var hebeiLater = hebei with { Until = new(2023, 6, 20) };
        var dalian = hebei with { AuthorityCode = "210200", Until = new(2023, 6, 5) };

        foreach (var order in InEveryOrder<object>([opened, hebei, hebeiLater, dalian]))
        {
            var campaign = Noted(order);
            Assert.Equal([("130000", new DateOnly(2023, 6, 20)), ("210200", new DateOnly(2023, 6, 5))],
                campaign!.Extensions.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)));
            Assert.True(campaign.RecommendationsClosed("130000", new DateTimeOffset(2023, 6, 21, 0, 0, 0, TimeSpan.FromHours(8))));
            Assert.False(campaign.RecommendationsClosed("130000", new DateTimeOffset(2023, 6, 20, 23, 0, 0, TimeSpan.FromHours(8))));
        }
    }

    /// <summary>The campaign as Review's deciders see it (the snapshot) after the consumer took <paramref name="messages"/>.</summary>
    static ReviewCampaign? Noted(IEnumerable<object> messages)
    {
        CampaignIntake? intake = null;
        ReviewCampaign? campaign = null;
        foreach (var message in messages)
        foreach (var e in message switch
                 {
                     CampaignOpened m => CampaignIntakeDecider.Note(m, intake, Now),
                     DeadlineExceptionGranted m => CampaignIntakeDecider.Extend(m, intake, Now),
                     _ => throw new ArgumentOutOfRangeException(nameof(messages)),
                 })
        {
            (intake, campaign) = e switch
            {
                CampaignNoted x => (intake is null ? CampaignIntake.Create(x) : intake.Apply(x), ReviewCampaign.Create(x)),
                RecommendationDeadlineExtended x => (intake!.Apply(x), campaign!.Apply(x)),
                DeadlineExtensionHeardBeforeCampaign x => (intake is null ? CampaignIntake.Create(x) : intake.Apply(x), campaign),
                _ => throw new ArgumentOutOfRangeException(nameof(messages)),
            };
        }
        return campaign;
    }

    static ReviewCaseCommand Command(string name) => name switch
    {
        nameof(Submit) => Submit, nameof(FirstStamp) => FirstStamp, nameof(SecondStamp) => SecondStamp, nameof(Withdraw) => Withdraw,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    static ReviewCaseCommand[] Registration(params ReviewCaseCommand[] commands) => commands;

    static int Position(ReviewCaseCommand c) => Array.IndexOf([Submit, FirstStamp, SecondStamp, Withdraw], c);

    static (bool Opened, bool Withdrawn, string? Stamp, long Version) Outcome(ReviewCase? state) =>
        (state?.Opened ?? false, state?.Status == ReviewCaseStatus.Withdrawn || state?.HeardEarly?.Withdrawal is not null,
            state?.StampedFormSha256 ?? state?.HeardEarly?.StampedForm?.Sha256, state?.SubmissionVersion ?? 0);

    static ReviewCase? Deliver(params ReviewCaseCommand[] commands) => Deliver(commands, [], null);

    static ReviewCase? Deliver(ReviewCaseCommand[] before, IEnumerable<ReviewCaseCommand> after, object? between)
    {
        var state = Fold(null, before);
        if (between is not null) state = Evolve(state, between);
        return Fold(state, after);
    }

    static ReviewCase? Fold(ReviewCase? state, IEnumerable<ReviewCaseCommand> commands) =>
        commands.Aggregate(state, (s, c) => ReviewCaseDecider.Decide(c, s, Now).Aggregate(s, Evolve));

    static List<object> DeliveredEvents(params ReviewCaseCommand[] commands)
    {
        ReviewCase? state = null;
        List<object> all = [];
        foreach (var command in commands)
        {
            var events = ReviewCaseDecider.Decide(command, state, Now);
            all.AddRange(events);
            state = events.Aggregate(state, Evolve);
        }
        return all;
    }

    /// <summary>As Marten's live aggregation does: Create for the stream's first event, Apply after.</summary>
    static ReviewCase? Evolve(ReviewCase? state, object e) => (state, e) switch
    {
        (null, ReviewCaseOpened x) => ReviewCase.Create(x),
        (null, WithdrawalHeardBeforeSubmission x) => ReviewCase.Create(x),
        (null, StampedFormHeardBeforeSubmission x) => ReviewCase.Create(x),
        (null, _) => throw new InvalidOperationException($"A review case cannot start with {e.GetType().Name}."),
        (_, ReviewCaseOpened x) => state.Apply(x),
        (_, WithdrawalHeardBeforeSubmission x) => state.Apply(x),
        (_, StampedFormHeardBeforeSubmission x) => state.Apply(x),
        (_, ApplicationResubmitted x) => state.Apply(x),
        (_, InitialReviewPassed x) => state.Apply(x),
        (_, InitialReviewRejected x) => state.Apply(x),
        (_, ReturnedForChanges x) => state.Apply(x),
        (_, ReviewCaseWithdrawn x) => state.Apply(x),
        (_, StampedFormReceived x) => state.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
