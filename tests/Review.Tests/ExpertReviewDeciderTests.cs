using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Expert review's rules: conflicts, assignment, declarations, independent scores, consensus and ranking.</summary>
public partial class ExpertReviewDeciderTests
{
    static readonly Guid Campaign = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 7, 10, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly ExpertReviewSettings Settings = ExpertReviewSettings.Defaults(Campaign);
    static readonly ScoringSheet EnterpriseSheet = Settings.SheetFor(ApplicationCategory.Enterprise);
    const string HebeiApplicant = "91130000MA0000000X";

    static ExpertProfile Expert(string id, string authority = "110000", string creditCode = "121100004000000119", bool active = true,
        string[]? modes = null, string[]? classes = null) =>
        new(id, $"专家{id}", $"单位{id}", creditCode, authority, modes ?? ["customization"], classes ?? ["other"], [], active, 1);

    static ApplicationToReview Application(string authority = "130000", string creditCode = HebeiApplicant, string[]? related = null,
        ApplicationCategory category = ApplicationCategory.Enterprise, string? mode = "customization", string? @class = null, int minute = 0) =>
        new(Guid.CreateVersion7(), Campaign, category, mode, @class, "河北某某装备制造有限公司", new ApplicationFacts(creditCode, authority, related ?? []),
            Now.AddDays(-30).AddMinutes(minute));

    static AssignmentBoard Board(params (ApplicationToReview Application, string Expert)[] assigned) => assigned.Aggregate(AssignmentBoard.Empty(Campaign),
        (board, a) => board.Apply(new ExpertAssigned(Campaign, a.Application.ApplicationId, a.Application.Category, a.Expert, false, "ministry", Now)));

    static ExpertPanel Panel(ApplicationToReview a) => ExpertPanel.Create(new ExpertReviewOpened(a.ApplicationId, Campaign, a.Category, Now));

    static IReadOnlyList<CriterionScore> Scores(params decimal[] values) =>
        [.. EnterpriseSheet.Criteria.Select((c, i) => new CriterionScore(c.Code, values.Length > i ? values[i] : values[^1]))];

    static RuleViolation Refused(Action decide) => Assert.Throws<RuleViolation>(decide);

    [Fact]
    public void AnExpertOfTheApplyingOrganisationIsConflicted() =>
        Assert.Equal(Conflicts.SameOrganisation, Conflicts.Between(Expert("e", creditCode: HebeiApplicant), Application().Facts));

    [Fact]
    public void AnExpertOfTheApplicationsProvinceIsConflicted() =>
        Assert.Equal(Conflicts.SameAuthority, Conflicts.Between(Expert("e", authority: "130000"), Application().Facts));

    [Fact]
    public void AnExpertOfAProvinceIsConflictedWithAnApplicationOfItsSeparatelyPlannedCity() =>
        Assert.Equal(Conflicts.SameAuthority, Conflicts.Between(Expert("e", authority: "330000"), Application(authority: "330200").Facts));

    [Fact]
    public void AnExpertOfARelatedPartyIsConflicted() =>
        Assert.Equal(Conflicts.RelatedParty, Conflicts.Between(Expert("e"), Application(related: ["121100004000000119"]).Facts));

    [Fact]
    public void AnExpertOfAnotherProvinceAndOrganisationIsNotConflicted() => Assert.Null(Conflicts.Between(Expert("e"), Application().Facts));

    [Fact]
    public void ANewerProfileReplacesTheCopyAndAnOlderOrRepeatedOneChangesNothing()
    {
        var changed = new ExpertProfileChanged("e", "张", "单位", "121100004000000119", "110000", [], [], [], true, Now, 7);
        var kept = ExpertProfileIntake.Create(Assert.IsType<ExpertProfileNoted>(Assert.Single(ExpertProfileDecider.Decide(changed, null, Now))));
        Assert.Empty(ExpertProfileDecider.Decide(changed, kept, Now));
        Assert.Empty(ExpertProfileDecider.Decide(changed with { Sequence = 3, Active = false }, kept, Now));
        Assert.False(Assert.IsType<ExpertProfileNoted>(Assert.Single(ExpertProfileDecider.Decide(changed with { Sequence = 9, Active = false }, kept, Now))).Active);
    }

    [Fact]
    public void AutomaticAssignmentGivesEveryApplicationThreeUnconflictedExpertsOfItsExpertiseBalancingTheLoad()
    {
        var applications = Enumerable.Range(0, 4).Select(i => Application(minute: i)).ToList();
        var experts = new[]
        {
            Expert("a"), Expert("b", "310000"), Expert("c", "320000"), Expert("d", "440000"), Expert("e", "510000"), Expert("f", "420000"),
            Expert("hebei", "130000"), Expert("city-expert", "120000", modes: [], classes: ["comprehensive"]), Expert("retired", "210000", active: false),
        };
        var decided = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.Enterprise, applications, experts, Settings, "ministry"),
            null, applications.ToDictionary(a => a.ApplicationId, _ => (ExpertPanel?)null), Now, out var uncovered);

        var assigned = decided[AssignmentBoard.IdFor(Campaign)].Cast<ExpertAssigned>().ToList();
        Assert.Empty(uncovered);
        Assert.All(applications, a => Assert.Equal(3, assigned.Count(x => x.ApplicationId == a.ApplicationId)));
        Assert.All(assigned, x => Assert.Contains(x.ExpertSubject, new[] { "a", "b", "c", "d", "e", "f" }));
        Assert.Equal([2, 2, 2, 2, 2, 2], assigned.GroupBy(x => x.ExpertSubject).Select(g => g.Count()));
        Assert.All(applications, a => Assert.IsType<ExpertReviewOpened>(Assert.Single(decided[ExpertPanel.IdFor(a.ApplicationId)])));
    }

    [Fact]
    public void AutomaticAssignmentNeverExceedsAnExpertsLoadAndReportsWhatItCouldNotCover()
    {
        var applications = Enumerable.Range(0, 3).Select(i => Application(minute: i)).ToList();
        var settings = Settings with { MaxLoadPerExpert = 2 };
        var experts = new[] { Expert("a"), Expert("b", "310000"), Expert("c", "320000"), Expert("d", "440000") };
        var decided = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.Enterprise, applications, experts, settings, "ministry"),
            null, applications.ToDictionary(a => a.ApplicationId, _ => (ExpertPanel?)null), Now, out var uncovered);

        var assigned = decided[AssignmentBoard.IdFor(Campaign)].Cast<ExpertAssigned>().ToList();
        Assert.Equal(8, assigned.Count);
        Assert.All(assigned.GroupBy(x => x.ExpertSubject), g => Assert.Equal(2, g.Count()));
        var shortOne = Assert.Single(uncovered);
        Assert.Equal((2, 1), (shortOne.Assigned, shortOne.Missing));
    }

    [Fact]
    public void AutomaticAssignmentCountsTheExpertsAnApplicationHasAndSkipsThoseWhoDeclaredAConflict()
    {
        var application = Application();
        var panel = Panel(application).Apply(new ConflictDeclared(application.ApplicationId, "b", "曾任该企业顾问", Now));
        var experts = new[] { Expert("a"), Expert("b", "310000"), Expert("c", "320000"), Expert("d", "440000") };
        var decided = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.Enterprise, [application], experts, Settings, "ministry"),
            Board((application, "a")), new Dictionary<Guid, ExpertPanel?> { [application.ApplicationId] = panel }, Now, out var uncovered);

        Assert.Equal(["c", "d"], decided[AssignmentBoard.IdFor(Campaign)].Cast<ExpertAssigned>().Select(x => x.ExpertSubject).Order());
        Assert.Empty(uncovered);
        Assert.False(decided.ContainsKey(panel.Id)); // its review was opened already
    }

    [Fact]
    public void PlatformsAndCitiesAreAssignedByTheirClass()
    {
        var city = Application(category: ApplicationCategory.City, mode: null, @class: "comprehensive");
        var experts = new[] { Expert("a", classes: ["comprehensive"]), Expert("b", "310000", classes: ["comprehensive"]),
            Expert("c", "320000", classes: ["comprehensive"]), Expert("d", "440000", classes: ["industrialDesign"]) };
        var decided = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.City, [city], experts, Settings, "ministry"),
            null, new Dictionary<Guid, ExpertPanel?> { [city.ApplicationId] = null }, Now, out _);
        Assert.Equal(["a", "b", "c"], decided[AssignmentBoard.IdFor(Campaign)].Cast<ExpertAssigned>().Select(x => x.ExpertSubject).Order());
    }

    [Fact]
    public void AnOfficerAssignsAnExpertByHandAndTheApplicationGoesUnderExpertReview()
    {
        var application = Application();
        var decided = ExpertReviewDecider.Decide(new AssignExpert(application, "a", Expert("a"), Settings, "ministry"), null, null, Now);
        Assert.False(Assert.IsType<ExpertAssigned>(Assert.Single(decided[AssignmentBoard.IdFor(Campaign)])).Automatic);
        Assert.IsType<ExpertReviewOpened>(Assert.Single(decided[ExpertPanel.IdFor(application.ApplicationId)]));
    }

    [Fact]
    public void AConflictedExpertIsNotAssignedByHand() =>
        Assert.Equal(ExpertReviewRules.Conflicted, Refused(() =>
            ExpertReviewDecider.Decide(new AssignExpert(Application(), "h", Expert("h", "130000"), Settings, "ministry"), null, null, Now)).Rule);

    [Fact]
    public void AnExpertWhoDeclaredAConflictIsNotAssignedAgain()
    {
        var application = Application();
        var panel = Panel(application).Apply(new ConflictDeclared(application.ApplicationId, "a", "亲属任职", Now));
        Assert.Equal(ExpertReviewRules.Conflicted, Refused(() =>
            ExpertReviewDecider.Decide(new AssignExpert(application, "a", Expert("a"), Settings, "ministry"), null, panel, Now)).Rule);
    }

    [Fact]
    public void AnExpertAtHisLoadLimitIsNotAssignedByHand()
    {
        var others = Enumerable.Range(0, 2).Select(i => Application(minute: i)).ToArray();
        Assert.Equal(ExpertReviewRules.OverLoad, Refused(() => ExpertReviewDecider.Decide(
            new AssignExpert(Application(), "a", Expert("a"), Settings with { MaxLoadPerExpert = 2 }, "ministry"),
            Board([.. others.Select(o => (o, "a"))]), null, Now)).Rule);
    }

    [Fact]
    public void AnExpertIsNotAssignedTwiceNorWhenInactiveNorWhenUnknown()
    {
        var application = Application();
        Assert.Equal(ExpertReviewRules.AlreadyAssigned, Refused(() => ExpertReviewDecider.Decide(
            new AssignExpert(application, "a", Expert("a"), Settings, "ministry"), Board((application, "a")), Panel(application), Now)).Rule);
        Assert.Equal(ExpertReviewRules.ExpertInactive, Refused(() => ExpertReviewDecider.Decide(
            new AssignExpert(application, "a", Expert("a", active: false), Settings, "ministry"), null, null, Now)).Rule);
        Assert.Equal(ExpertReviewRules.ExpertNotFound, Refused(() => ExpertReviewDecider.Decide(
            new AssignExpert(application, "x", null, Settings, "ministry"), null, null, Now)).Rule);
    }

    [Fact]
    public void AnExpertWhoHasScoredStaysAssigned()
    {
        var application = Application();
        var panel = Panel(application).Apply(new NoConflictDeclared(application.ApplicationId, "a", Now))
            .Apply(new ExpertScoresSubmitted(application.ApplicationId, "a", Scores(8), 80, null, Now));
        Assert.Equal(ExpertReviewRules.ScoredExpertStays, Refused(() => ExpertReviewDecider.Decide(
            new UnassignExpert(application, "a", "ministry"), Board((application, "a")), panel, Now)).Rule);
        Assert.Equal("removed", Assert.IsType<ExpertUnassigned>(Assert.Single(ExpertReviewDecider.Decide(
            new UnassignExpert(application, "a", "ministry"), Board((application, "a")), Panel(application), Now)[AssignmentBoard.IdFor(Campaign)])).Reason);
    }

    [Fact]
    public void ARemovedExpertsDeclarationLapsesSoThatAssignedAgainHeDeclaresAgainAndHisScoreCountsInTheConsensus()
    {
        var application = Application();
        var declared = Panel(application).Apply(new NoConflictDeclared(application.ApplicationId, "a", Now));
        var removed = ExpertReviewDecider.Decide(new UnassignExpert(application, "a", "ministry"), Board((application, "a")), declared, Now);
        var lapsed = Assert.IsType<NoConflictDeclarationLapsed>(Assert.Single(removed[declared.Id]));
        var panel = declared.Apply(lapsed);
        Assert.False(panel.HasDeclared("a"));

        // Assigned again by hand: he must declare again before scoring, and may.
        var board = Board((application, "a"), (application, "b"), (application, "c"));
        Assert.Equal(ExpertReviewRules.DeclarationRequired, Refused(() => ExpertReviewDecider.Decide(
            new SubmitExpertScores(application, "a", Scores(8), null, EnterpriseSheet), board, panel, Now)).Rule);
        panel = panel.Apply(Assert.IsType<NoConflictDeclared>(Assert.Single(ExpertReviewDecider.Decide(
            new DeclareConflictOfInterest(application, "a", false, null), board, panel, Now)[panel.Id])));
        foreach (var e in new[] { "a", "b", "c" })
        {
            if (e != "a") panel = panel.Apply(new NoConflictDeclared(application.ApplicationId, e, Now));
            panel = panel.Apply(Assert.IsType<ExpertScoresSubmitted>(Assert.Single(ExpertReviewDecider.Decide(
                new SubmitExpertScores(application, e, Scores(8), null, EnterpriseSheet), board, panel, Now)[panel.Id])));
        }
        var reviewCase = ReviewCase.Create(new ReviewCaseOpened(application.ApplicationId, 3, Campaign, ApplicationCategory.Enterprise, null, "customization",
            "河北某某装备制造有限公司", HebeiApplicant, "130000", null, null, [], new string('a', 64), Now, Now));
        Assert.IsType<ConsensusRecorded>(Assert.Single(ExpertReviewDecider.Decide(
            new RecordConsensus(application, Scores(8), "一致通过。", Settings, "ministry"), board, panel, reviewCase, Now)[panel.Id]));
    }

    [Fact]
    public void RemovingAnUndeclaredExpertTouchesOnlyTheBoard()
    {
        var application = Application();
        Assert.Equal([AssignmentBoard.IdFor(Campaign)], ExpertReviewDecider.Decide(new UnassignExpert(application, "a", "ministry"),
            Board((application, "a")), Panel(application), Now).Keys);
    }

    [Fact]
    public void AutomaticAssignmentDoesNotBringBackAnExpertAnOfficerRemovedButAnOfficerMay()
    {
        var application = Application();
        var experts = new[] { Expert("a"), Expert("b", "310000"), Expert("c", "320000"), Expert("d", "440000") };
        var board = Board((application, "a"), (application, "b"), (application, "c"))
            .Apply(new ExpertUnassigned(Campaign, application.ApplicationId, "a", "removed", "ministry", Now));
        var decided = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.Enterprise, [application], experts, Settings, "ministry"),
            board, new Dictionary<Guid, ExpertPanel?> { [application.ApplicationId] = Panel(application) }, Now, out var uncovered);
        Assert.Equal("d", Assert.IsType<ExpertAssigned>(Assert.Single(decided[board.Id])).ExpertSubject);
        Assert.Empty(uncovered);

        var onlyThree = ExpertReviewDecider.Decide(new AssignCategory(Campaign, ApplicationCategory.Enterprise, [application], experts[..3], Settings, "ministry"),
            board, new Dictionary<Guid, ExpertPanel?> { [application.ApplicationId] = Panel(application) }, Now, out var short_);
        Assert.Empty(onlyThree[board.Id]);
        Assert.Equal(1, Assert.Single(short_).Missing);
        Assert.False(Assert.IsType<ExpertAssigned>(Assert.Single(ExpertReviewDecider.Decide(
            new AssignExpert(application, "a", Expert("a"), Settings, "ministry"), board, Panel(application), Now)[board.Id])).Automatic);
    }
}
