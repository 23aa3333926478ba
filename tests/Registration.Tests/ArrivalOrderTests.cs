using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Review's stages reach Registration on two queues (one application's, one package's), so in any order.</summary>
public class ArrivalOrderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    // Review's history of one application: passed (10), recommended (20), its package submitted (30), returned (40),
    // submitted again (50), acknowledged (60).
    static readonly ReportReviewStage[] Stages =
    [
        Stage(Published.ReviewStage.PassedInitialReview, 10), Stage(Published.ReviewStage.Recommended, 20),
        Stage(Published.ReviewStage.SubmittedToMinistry, 30), Stage(Published.ReviewStage.Recommended, 40),
        Stage(Published.ReviewStage.SubmittedToMinistry, 50), Stage(Published.ReviewStage.AwaitingExpertReview, 60),
    ];

    public static TheoryData<int, int> Pairs()
    {
        var pairs = new TheoryData<int, int>();
        for (var a = 0; a < Stages.Length; a++)
        for (var b = 0; b < Stages.Length; b++)
            if (a != b) pairs.Add(a, b);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EachPairOfStagesLeavesTheApplicationAtTheLaterInEitherOrder(int first, int second)
    {
        var later = Stages[Math.Max(first, second)];
        Assert.Equal(Application.StatusOf(later.Stage), Deliver(Stages[first], Stages[second]).Status);
        Assert.Equal(Application.StatusOf(later.Stage), Deliver(Stages[second], Stages[first]).Status);
    }

    [Fact]
    public void AllOfAnApplicationsStagesLeaveItAwaitingExpertReviewInEveryOrder()
    {
        foreach (var order in Arrivals.InEveryOrder(Stages))
            Assert.Equal((ApplicationStatus.AwaitingExpertReview, 60L), (Deliver([.. order]).Status, Deliver([.. order]).ReviewSequence));
    }

    [Fact]
    public void AStageThatCrossedTheWithdrawalLeavesTheApplicationWithdrawnInEitherOrder()
    {
        var withdrawn = new WithdrawApplication(Id, "重新准备");
        Assert.Equal(ApplicationStatus.Withdrawn, Deliver(Submitted(), withdrawn, Stages[0]).Status);
        Assert.Equal(ApplicationStatus.PassedInitialReview, Deliver(Submitted(), Stages[0]).Status);
        Assert.Equal(ApplicationRules.CannotWithdraw, Assert.Throws<ServiceDefaults.Http.RuleViolation>(
            () => ApplicationDecider.Decide(withdrawn, Deliver(Submitted(), Stages[0]), Now)).Rule);
    }

    static ReportReviewStage Stage(Published.ReviewStage stage, long sequence) => new(Id, stage, null, Guid.CreateVersion7(), Now, sequence);

    static Application Submitted() => Application.Create(new ApplicationDraftCreated(Id, Guid.CreateVersion7(), "applicant",
            Published.ApplicationCategory.Enterprise, "深圳某某智能制造有限公司", "914403001922038216", "440300", Now))
        .Apply(new ApplicationSubmitted(Id, Guid.CreateVersion7(), Published.ApplicationCategory.Enterprise, "深圳某某智能制造有限公司",
            "914403001922038216", "440300", Forms.Enterprise(), "hash", [], Now));

    static Application Deliver(params ReportReviewStage[] stages) => Deliver(Submitted(), stages);

    static Application Deliver(Application state, params ApplicationCommand[] commands) =>
        commands.Aggregate(state, (s, c) => ApplicationDecider.Decide(c, s, Now).Aggregate(s, (a, e) => e switch
        {
            ReviewStageReported x => a.Apply(x),
            ApplicationWithdrawn x => a.Apply(x),
            _ => throw new ArgumentOutOfRangeException(nameof(commands)),
        }));
}
