using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Declarations of (no) conflict, independent scores within the sheet, the consensus and the thresholds.</summary>
public partial class ExpertReviewDeciderTests
{
    [Fact]
    public void AnAssignedExpertDeclaresNoConflictOnce()
    {
        var application = Application();
        var decided = ExpertReviewDecider.Decide(new DeclareConflictOfInterest(application, "a", false, null), Board((application, "a")), Panel(application), Now);
        Assert.IsType<NoConflictDeclared>(Assert.Single(decided[ExpertPanel.IdFor(application.ApplicationId)]));
        var declared = Panel(application).Apply(new NoConflictDeclared(application.ApplicationId, "a", Now));
        Assert.Equal(ExpertReviewRules.AlreadyDeclared, Refused(() => ExpertReviewDecider.Decide(
            new DeclareConflictOfInterest(application, "a", true, "想起来了"), Board((application, "a")), declared, Now)).Rule);
    }

    [Fact]
    public void ADeclaredConflictEndsTheAssignment()
    {
        var application = Application();
        var decided = ExpertReviewDecider.Decide(new DeclareConflictOfInterest(application, "a", true, "曾为该企业提供咨询"), Board((application, "a")),
            Panel(application), Now);
        Assert.IsType<ConflictDeclared>(Assert.Single(decided[ExpertPanel.IdFor(application.ApplicationId)]));
        Assert.Equal("declared-conflict", Assert.IsType<ExpertUnassigned>(Assert.Single(decided[AssignmentBoard.IdFor(Campaign)])).Reason);
    }

    [Fact]
    public void ADeclaredConflictNeedsItsReasonAndAnUnassignedExpertDeclaresNothing()
    {
        var application = Application();
        Assert.Equal(ExpertReviewRules.ConflictReasonRequired, Refused(() => ExpertReviewDecider.Decide(
            new DeclareConflictOfInterest(application, "a", true, " "), Board((application, "a")), Panel(application), Now)).Rule);
        Assert.Equal(ExpertReviewRules.NotAssigned, Refused(() => ExpertReviewDecider.Decide(
            new DeclareConflictOfInterest(application, "b", false, null), Board((application, "a")), Panel(application), Now)).Rule);
    }

    [Fact]
    public void AnExpertScoresOnlyAfterDeclaringNoConflictOnceAndWithinTheSheet()
    {
        var application = Application();
        var board = Board((application, "a"));
        Assert.Equal(ExpertReviewRules.DeclarationRequired, Refused(() => ExpertReviewDecider.Decide(
            new SubmitExpertScores(application, "a", Scores(8), null, EnterpriseSheet), board, Panel(application), Now)).Rule);
        var declared = Panel(application).Apply(new NoConflictDeclared(application.ApplicationId, "a", Now));
        Assert.Equal(ExpertReviewRules.ScoresInvalid, Refused(() => ExpertReviewDecider.Decide(
            new SubmitExpertScores(application, "a", Scores(11), null, EnterpriseSheet), board, declared, Now)).Rule);
        var submitted = Assert.IsType<ExpertScoresSubmitted>(Assert.Single(ExpertReviewDecider.Decide(
            new SubmitExpertScores(application, "a", Scores(9, 8, 7, 6, 5), "特色鲜明", EnterpriseSheet), board, declared, Now)[declared.Id]));
        Assert.Equal(9 * 3 + 8 * 2.5m + 7 * 2.5m + 6 + 5, submitted.Total);
        Assert.Equal(ExpertReviewRules.ScoresAlreadySubmitted, Refused(() => ExpertReviewDecider.Decide(
            new SubmitExpertScores(application, "a", Scores(8), null, EnterpriseSheet), board, declared.Apply(submitted), Now)).Rule);
    }

    [Fact]
    public void TheConsensusComesAfterEveryAssignedExpertHasScoredAndConcludesTheCase()
    {
        var application = Application();
        var experts = new[] { "a", "b", "c" };
        var board = Board([.. experts.Select(e => (application, e))]);
        var panel = experts.Take(2).Aggregate(Panel(application), (p, e) => p.Apply(new NoConflictDeclared(application.ApplicationId, e, Now))
            .Apply(new ExpertScoresSubmitted(application.ApplicationId, e, Scores(8), 80, null, Now)));
        var reviewCase = ReviewCase.Create(new ReviewCaseOpened(application.ApplicationId, 3, Campaign, ApplicationCategory.Enterprise, null, "customization",
            "河北某某装备制造有限公司", HebeiApplicant, "130000", null, null, [], new string('a', 64), Now, Now));
        var consensus = new RecordConsensus(application, Scores(8), "模式特色鲜明，成效显著。", Settings, "ministry");
        Assert.Equal(ExpertReviewRules.ConsensusNeedsEveryScore, Refused(() => ExpertReviewDecider.Decide(consensus, board, panel, reviewCase, Now)).Rule);

        panel = panel.Apply(new ExpertScoresSubmitted(application.ApplicationId, "c", Scores(7), 70, null, Now));
        var decided = ExpertReviewDecider.Decide(consensus, board, panel, reviewCase, Now);
        Assert.True(Assert.IsType<ConsensusRecorded>(Assert.Single(decided[panel.Id])).Passed);
        var concluded = Assert.IsType<ExpertReviewConcluded>(Assert.Single(decided[application.ApplicationId]));
        Assert.Equal((true, 80m, "130000"), (concluded.Passed, concluded.Score, concluded.AuthorityCode));
        Assert.Equal((true, 80m), (reviewCase.Apply(concluded).ExpertReviewPassed, reviewCase.Apply(concluded).ExpertReviewScore));
    }

    [Fact]
    public void ACriterionBelowItsThresholdFailsEvenAHighTotal()
    {
        var scores = Scores(10, 10, 10, 10, 4); // total 94, service revenue below its threshold of 5
        Assert.Equal(94m, EnterpriseSheet.TotalOf(scores));
        Assert.False(EnterpriseSheet.Passes(scores));
        Assert.True(EnterpriseSheet.Passes(Scores(7)));
        Assert.False(EnterpriseSheet.Passes(Scores(6.5m))); // 65 < 70 overall
    }
}
