using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Site visits: given the visit's and the experts' days' states, the events of each stream, or the rule refused.</summary>
public class SiteVisitDeciderTests
{
    static readonly DateTimeOffset Now = new(2023, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly DateOnly Day = new(2023, 9, 12);
    static readonly Guid City = Guid.CreateVersion7();
    static readonly VisitSubject Ningbo = new(City, Guid.CreateVersion7(), ApplicationCategory.City, "宁波市经济和信息化局", "330200", true);
    static readonly IReadOnlyDictionary<string, VisitExpert> Pool = new Dictionary<string, VisitExpert>
    {
        ["zhang"] = new("zhang", true, [Day, Day.AddDays(1)], false),
        ["wang"] = new("wang", true, [Day, Day.AddDays(1)], false),
        ["li"] = new("li", true, [Day], false),
        ["zhao"] = new("zhao", true, [Day], true),
        ["sun"] = new("sun", false, [Day], false),
    };

    static ScheduleVisit Schedule(DateOnly day, params string[] team) => new(Ningbo, day, "宁波市", team, Pool, "ministry-officer:m1");

    static IReadOnlyDictionary<Guid, object[]> Decide(ScheduleVisit c, SiteVisit? visit = null, params ExpertDay[] days) =>
        SiteVisitDecider.Decide(c, visit, id => days.FirstOrDefault(d => d.Id == id), Now);

    static Rule Refused(ScheduleVisit c, SiteVisit? visit = null, params ExpertDay[] days) =>
        Assert.Throws<RuleViolation>(() => Decide(c, visit, days)).Rule;

    static ExpertDay Booked(string expert, DateOnly day, Guid visit) => ExpertDay.Create(new ExpertBookedForVisit(expert, day, visit, Now));

    [Fact]
    public void ACityThatPassedExpertReviewIsScheduledAndEachExpertsDayIsBooked()
    {
        var decided = Decide(Schedule(Day, "zhang", "wang"));

        var scheduled = Assert.IsType<SiteVisitScheduled>(Assert.Single(decided[SiteVisit.IdFor(City)]));
        Assert.Equal((Day, "宁波市"), (scheduled.Date, scheduled.Place));
        Assert.Equal(["zhang", "wang"], scheduled.Team);
        Assert.All(new[] { "zhang", "wang" }, e =>
            Assert.Equal(City, Assert.IsType<ExpertBookedForVisit>(Assert.Single(decided[ExpertDay.IdFor(e, Day)])).ApplicationId));
    }

    [Fact]
    public void ATeamOfOneIsRefused() => Assert.Equal(SiteVisitRules.TeamTooSmall, Refused(Schedule(Day, "zhang", "zhang")));

    [Fact]
    public void AConflictedExpertIsRefused() => Assert.Equal(SiteVisitRules.ExpertConflicted, Refused(Schedule(Day, "zhang", "zhao")));

    [Fact]
    public void AnInactiveOrUnknownExpertIsRefused()
    {
        Assert.Equal(SiteVisitRules.ExpertUnknown, Refused(Schedule(Day, "zhang", "sun")));
        Assert.Equal(SiteVisitRules.ExpertUnknown, Refused(Schedule(Day, "zhang", "nobody")));
    }

    [Fact]
    public void ADayTheExpertIsNotAvailableIsRefused() => Assert.Equal(SiteVisitRules.ExpertUnavailable, Refused(Schedule(Day.AddDays(1), "zhang", "li")));

    [Fact]
    public void AnExpertOnAnotherVisitThatDayIsRefused() =>
        Assert.Equal(SiteVisitRules.ExpertBooked, Refused(Schedule(Day, "zhang", "wang"), null, Booked("wang", Day, Guid.CreateVersion7())));

    [Fact]
    public void AnApplicationThatDidNotPassExpertReviewIsNotVisited() =>
        Assert.Equal(SiteVisitRules.NotPassedExpertReview, Refused(Schedule(Day, "zhang", "wang") with { Subject = Ningbo with { PassedExpertReview = false } }));

    [Fact]
    public void AnEnterpriseIsVisitedOnlyOnceMarked()
    {
        var enterprise = Ningbo with { ApplicationId = Guid.CreateVersion7(), Category = ApplicationCategory.Enterprise, OrganisationName = "宁波某某公司" };
        Assert.Equal(SiteVisitRules.NotDue, Refused(Schedule(Day, "zhang", "wang") with { Subject = enterprise }));

        var marked = SiteVisit.Create(Assert.IsType<SiteVisitMarked>(Assert.Single(SiteVisitDecider.Decide(new MarkForVisit(enterprise, "m"), null, Now))));
        Assert.Single(Decide(Schedule(Day, "zhang", "wang") with { Subject = enterprise }, marked)[marked.Id]);
    }

    [Fact]
    public void CitiesAreNotMarkedTheyAreAlwaysVisited() =>
        Assert.Equal(SiteVisitRules.CitiesAlwaysVisited, Assert.Throws<RuleViolation>(() => SiteVisitDecider.Decide(new MarkForVisit(Ningbo, "m"), null, Now)).Rule);

    [Fact]
    public void MovingAVisitReleasesTheOldDaysAndBooksTheNew()
    {
        var visit = SiteVisit.Create(new SiteVisitScheduled(City, Ningbo.CampaignId, ApplicationCategory.City, Ningbo.OrganisationName, "330200", Day, "宁波市", ["zhang", "li"], "m", Now));
        var c = Schedule(Day.AddDays(1), "zhang", "wang");
        var decided = Decide(c, visit, Booked("zhang", Day, City), Booked("li", Day, City));

        Assert.IsType<SiteVisitRescheduled>(Assert.Single(decided[visit.Id]));
        Assert.IsType<ExpertReleasedFromVisit>(Assert.Single(decided[ExpertDay.IdFor("zhang", Day)]));
        Assert.IsType<ExpertReleasedFromVisit>(Assert.Single(decided[ExpertDay.IdFor("li", Day)]));
        Assert.IsType<ExpertBookedForVisit>(Assert.Single(decided[ExpertDay.IdFor("zhang", Day.AddDays(1))]));
        Assert.IsType<ExpertBookedForVisit>(Assert.Single(decided[ExpertDay.IdFor("wang", Day.AddDays(1))]));
        Assert.Equal(SiteVisitDecider.DaysTouched(c, visit).Order(), decided.Keys.Where(k => k != visit.Id).Order());
    }

    /// <summary>The visit's day, 8 in the evening in China (noon UTC).</summary>
    static readonly DateTimeOffset OnTheDay = new(Day.ToDateTime(new TimeOnly(20, 0)), TimeSpan.FromHours(8));

    [Fact]
    public void AVisitWithItsReportFiledNoLongerMovesAndTheReportIsFiledOnce()
    {
        var visit = SiteVisit.Create(new SiteVisitScheduled(City, Ningbo.CampaignId, ApplicationCategory.City, Ningbo.OrganisationName, "330200", Day, "宁波市", ["zhang", "wang"], "m", Now));
        Assert.Equal(SiteVisitRules.ReportIncomplete, Assert.Throws<RuleViolation>(() =>
            SiteVisitDecider.Decide(new FileVisitReport(City, " ", VisitRecommendation.Recommend, "expert:zhang"), visit, OnTheDay)).Rule);
        var filed = Assert.IsType<VisitReportFiled>(Assert.Single(SiteVisitDecider.Decide(
            new FileVisitReport(City, "服务型制造政策落实到位", VisitRecommendation.Recommend, "expert:zhang"), visit, OnTheDay)));
        var reported = visit.Apply(filed);

        Assert.Equal(SiteVisitRules.ReportFiled, Refused(Schedule(Day, "zhang", "wang"), reported));
        Assert.Equal(SiteVisitRules.ReportFiled, Assert.Throws<RuleViolation>(() =>
            SiteVisitDecider.Decide(new FileVisitReport(City, "再次提交", VisitRecommendation.DoNotRecommend, "expert:wang"), reported, Now)).Rule);
    }

    [Fact]
    public void AReportIsFiledFromTheVisitsDayInChinaOnNotBefore()
    {
        var visit = SiteVisit.Create(new SiteVisitScheduled(City, Ningbo.CampaignId, ApplicationCategory.City, Ningbo.OrganisationName, "330200", Day, "宁波市", ["zhang", "wang"], "m", Now));
        var report = new FileVisitReport(City, "服务型制造政策落实到位", VisitRecommendation.Recommend, "expert:zhang");
        // 23:30 UTC the day before is already the visit's day in Beijing; 15:59 UTC the day before is not.
        var dayBefore = Day.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        Assert.Equal(SiteVisitRules.ReportBeforeVisit, Assert.Throws<RuleViolation>(() =>
            SiteVisitDecider.Decide(report, visit, new DateTimeOffset(dayBefore.AddHours(15).AddMinutes(59), TimeSpan.Zero))).Rule);
        Assert.IsType<VisitReportFiled>(Assert.Single(SiteVisitDecider.Decide(report, visit, new DateTimeOffset(dayBefore.AddHours(16), TimeSpan.Zero))));
        Assert.IsType<VisitReportFiled>(Assert.Single(SiteVisitDecider.Decide(report, visit, OnTheDay.AddDays(3))));
    }

    [Fact]
    public void AVisitIsNotScheduledOnADayAlreadyPastButMayBeToday()
    {
        Assert.Equal(SiteVisitRules.DayPast, Assert.Throws<RuleViolation>(() =>
            SiteVisitDecider.Decide(Schedule(Day, "zhang", "wang"), null, _ => null, OnTheDay.AddDays(1))).Rule);
        Assert.IsType<SiteVisitScheduled>(Assert.Single(SiteVisitDecider.Decide(Schedule(Day, "zhang", "wang"), null, _ => null, OnTheDay)[SiteVisit.IdFor(City)]));
    }

    [Fact]
    public void AReportNeedsAScheduledVisit()
    {
        var marked = SiteVisit.Create(new SiteVisitMarked(City, Ningbo.CampaignId, ApplicationCategory.Enterprise, "宁波某某公司", "330200", "m", Now));
        Assert.Equal(SiteVisitRules.NotScheduled, Assert.Throws<RuleViolation>(() =>
            SiteVisitDecider.Decide(new FileVisitReport(City, "情况", VisitRecommendation.Recommend, "expert:zhang"), marked, Now)).Rule);
    }
}
