using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Tests.Review;

/// <summary>The public notice, its objections and the final selection, decided over the campaign's calendar.</summary>
public class SelectionDeciderTests
{
    static readonly Guid CampaignId = Guid.CreateVersion7();
    static readonly TimeSpan China = TimeSpan.FromHours(8);
    static readonly DateOnly Starts = new(2023, 11, 1);
    static readonly DateOnly Ends = new(2023, 11, 7);
    static readonly ReviewCampaign Fifth = ReviewCampaign.Create(new CampaignNoted(CampaignId, 2023, 5, "第五批", new DateOnly(2023, 5, 31), [],
        new DateTimeOffset(2023, 3, 9, 9, 0, 0, China)));
    static readonly DateTimeOffset Publishing = new(2023, 10, 31, 17, 0, 0, China);
    static readonly DateTimeOffset During = new(2023, 11, 7, 23, 59, 0, China);
    static readonly DateTimeOffset After = new(2023, 11, 8, 0, 0, 0, China);

    static readonly Guid Enterprise = Guid.CreateVersion7();
    static readonly Guid City = Guid.CreateVersion7();
    static readonly Guid Failed = Guid.CreateVersion7();

    static NoticeCandidate Candidate(Guid id, ApplicationCategory category, bool? passed = true, SiteVisit? visit = null) =>
        new(id, category, category == ApplicationCategory.City ? "comprehensive" : null, category == ApplicationCategory.Enterprise ? "customization" : null,
            $"申报单位 {id:N}", "91330200MA0000001X", "330200", passed, visit);

    static SiteVisit Visited(Guid id) =>
        SiteVisit.Create(new SiteVisitScheduled(id, CampaignId, ApplicationCategory.City, "宁波市", "330200", new DateOnly(2023, 9, 12), "宁波市", ["a", "b"], "m", Publishing))
            .Apply(new VisitReportFiled(id, "政策到位", VisitRecommendation.Recommend, "expert:a", Publishing));

    static PublishNotice Publish(params NoticeCandidate[] candidates) => new(CampaignId, Starts, Ends, candidates, "ministry-officer:m1");

    /// <summary>The campaign with its notice published, and the enterprise's candidacy.</summary>
    static (ReviewCampaign Campaign, Candidacy Candidacy) OnNotice(Guid id, ApplicationCategory category = ApplicationCategory.Enterprise, SiteVisit? visit = null)
    {
        var decided = SelectionDecider.Decide(Publish(Candidate(id, category, visit: visit)), Fifth, Publishing);
        return (Fifth.Apply((PublicNoticePublished)decided[CampaignId].Single()), Candidacy.Create((CandidateListed)decided[Candidacy.IdFor(id)].Single()));
    }

    static Rule Refused(Action decide) => Assert.Throws<RuleViolation>(decide).Rule;

    [Fact]
    public void TheNoticeListsEveryApplicationThatPassedExpertReviewAndJoinsTheCampaignsCalendar()
    {
        var decided = SelectionDecider.Decide(Publish(Candidate(Enterprise, ApplicationCategory.Enterprise),
            Candidate(City, ApplicationCategory.City, visit: Visited(City)), Candidate(Failed, ApplicationCategory.Enterprise, passed: false)), Fifth, Publishing);

        var notice = Assert.IsType<PublicNoticePublished>(Assert.Single(decided[CampaignId]));
        Assert.Equal([Enterprise, City], notice.ApplicationIds);
        Assert.False(decided.ContainsKey(Candidacy.IdFor(Failed)));
        var campaign = Fifth.Apply(notice);
        Assert.False(campaign.NoticeOpen(Publishing));
        Assert.True(campaign.NoticeOpen(new DateTimeOffset(2023, 11, 1, 0, 0, 0, China)));
        Assert.True(campaign.NoticeOpen(During));
        Assert.False(campaign.NoticeOpen(After));
        Assert.True(campaign.NoticeOver(After));
    }

    [Fact]
    public void AnApplicationStillUnderExpertReviewKeepsTheNoticeBack()
    {
        var violation = Assert.Throws<RuleViolation>(() => SelectionDecider.Decide(Publish(Candidate(Enterprise, ApplicationCategory.Enterprise),
            Candidate(Failed, ApplicationCategory.Enterprise, passed: null)), Fifth, Publishing));
        Assert.Equal(SelectionRules.ExpertReviewOutstanding, violation.Rule);
        Assert.Contains($"{Failed:N}", violation.Message + violation.Detail);
    }

    [Fact]
    public void AnApplicationThatFailedExpertReviewIsLeftOffTheNoticeOnItsCaseSoItsApplicantLearnsIt()
    {
        var decided = SelectionDecider.Decide(Publish(Candidate(Enterprise, ApplicationCategory.Enterprise),
            Candidate(Failed, ApplicationCategory.Enterprise, passed: false)), Fifth, Publishing);

        var left = Assert.IsType<LeftOffPublicNotice>(Assert.Single(decided[Failed]));
        Assert.Equal((Failed, CampaignId), (left.ApplicationId, left.CampaignId));
        Assert.False(decided.ContainsKey(Enterprise));
        Assert.Equal([Enterprise], Assert.IsType<PublicNoticePublished>(Assert.Single(decided[CampaignId])).ApplicationIds);
    }

    [Fact]
    public void TheNoticePeriodStartsNoEarlierThanTheDayItIsPublishedInChina()
    {
        var publish = Publish(Candidate(Enterprise, ApplicationCategory.Enterprise));
        var lateEvening = new DateTimeOffset(2023, 11, 1, 23, 30, 0, China); // 15:30 UTC: still 1 November in China
        Assert.IsType<PublicNoticePublished>(Assert.Single(SelectionDecider.Decide(publish, Fifth, lateEvening)[CampaignId]));
        Assert.Equal(SelectionRules.NoticeStartsBeforePublication,
            Refused(() => SelectionDecider.Decide(publish, Fifth, new DateTimeOffset(2023, 11, 2, 0, 0, 0, China))));
        Assert.Equal(SelectionRules.NoticeStartsBeforePublication, Refused(() => SelectionDecider.Decide(
            publish with { Starts = new DateOnly(2023, 10, 24), Ends = new DateOnly(2023, 10, 30) }, Fifth, Publishing)));
    }

    [Fact]
    public void ACityWithoutItsVisitReportKeepsTheNoticeBack() =>
        Assert.Equal(SelectionRules.VisitReportsOutstanding,
            Refused(() => SelectionDecider.Decide(Publish(Candidate(City, ApplicationCategory.City)), Fifth, Publishing)));

    [Fact]
    public void AMarkedEnterpriseWithoutItsVisitReportKeepsTheNoticeBack()
    {
        var marked = SiteVisit.Create(new SiteVisitMarked(Enterprise, CampaignId, ApplicationCategory.Enterprise, "某公司", "330200", "m", Publishing));
        Assert.Equal(SelectionRules.VisitReportsOutstanding,
            Refused(() => SelectionDecider.Decide(Publish(Candidate(Enterprise, ApplicationCategory.Enterprise, visit: marked)), Fifth, Publishing)));
    }

    [Fact]
    public void TheNoticeIsPublishedOnceWithAPeriodThatEndsAfterItStarts()
    {
        var (campaign, _) = OnNotice(Enterprise);
        Assert.Equal(SelectionRules.NoticeAlreadyPublished, Refused(() => SelectionDecider.Decide(Publish(Candidate(Enterprise, ApplicationCategory.Enterprise)), campaign, Publishing)));
        Assert.Equal(SelectionRules.NoticePeriodInvalid, Refused(() => SelectionDecider.Decide(
            Publish(Candidate(Enterprise, ApplicationCategory.Enterprise)) with { Ends = Starts.AddDays(-1) }, Fifth, Publishing)));
        Assert.Equal(SelectionRules.NoticeEmpty, Refused(() => SelectionDecider.Decide(Publish(Candidate(Failed, ApplicationCategory.Enterprise, passed: false)), Fifth, Publishing)));
    }

    [Fact]
    public void AnObjectionIsReceivedDuringTheNoticePeriodAndRefusedAfterItsLastDay()
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        var objection = new FileObjection(Enterprise, Guid.CreateVersion7(), "张三", "13800000000", "服务收入数据不实", "applicant:a1");

        Assert.IsType<ObjectionFiled>(Assert.Single(SelectionDecider.Decide(objection, candidacy, campaign, During)));
        Assert.Equal(SelectionRules.OutsideNoticePeriod, Refused(() => SelectionDecider.Decide(objection, candidacy, campaign, After)));
        Assert.Equal(SelectionRules.OutsideNoticePeriod, Refused(() => SelectionDecider.Decide(objection, candidacy, campaign, Publishing)));
    }

    [Fact]
    public void AnObjectionNeedsARealNameATelephoneAndItsGrounds() =>
        Assert.Equal(SelectionRules.ObjectorDetailsRequired, Refused(() => SelectionDecider.Decide(
            new FileObjection(Enterprise, Guid.CreateVersion7(), "张三", " ", "不实", "applicant:a1"), OnNotice(Enterprise).Candidacy, OnNotice(Enterprise).Campaign, During)));

    [Theory]
    [InlineData("contactPhone", "张三", "电话 138", "不实")]
    [InlineData("contactPhone", "张三", "138", "不实")]
    [InlineData("contactName", "张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三张三", "13800000000", "不实")]
    public void AnObjectionsNameAndTelephoneAreCheckedAndTheRefusalNamesTheField(string field, string name, string phone, string grounds)
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        var violation = Assert.Throws<RuleViolation>(() => SelectionDecider.Decide(
            new FileObjection(Enterprise, Guid.CreateVersion7(), name, phone, grounds, "applicant:a1"), candidacy, campaign, During));
        Assert.Equal(SelectionRules.TextInvalid, violation.Rule);
        Assert.Equal([field], violation.Errors!.Keys);
    }

    [Fact]
    public void OverlongGroundsOutcomesAndReasonsAreRefusedNamingTheField()
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        string Long(int length) => new('异', length + 1);
        Assert.Equal(["grounds"], Assert.Throws<RuleViolation>(() => SelectionDecider.Decide(new FileObjection(Enterprise, Guid.CreateVersion7(),
            "张三", "0755-88880000", Long(SelectionText.GroundsLength), "a"), candidacy, campaign, During)).Errors!.Keys);
        var id = Guid.CreateVersion7();
        var objected = candidacy.Apply(new ObjectionFiled(Enterprise, id, "张三", "13800000000", "不实", "a", During));
        Assert.Equal(["outcome"], Assert.Throws<RuleViolation>(() => SelectionDecider.Decide(
            new ResolveObjection(Enterprise, id, Long(SelectionText.OutcomeLength), "m"), objected, After)).Errors!.Keys);
        Assert.Equal(["reason"], Assert.Throws<RuleViolation>(() => SelectionDecider.Decide(
            new DecideCandidate(Enterprise, SelectionDecision.Decline, Long(SelectionText.ReasonLength), "m"), candidacy, campaign, null, After)).Errors!.Keys);
        Assert.Single(SelectionDecider.Decide(new FileObjection(Enterprise, Guid.CreateVersion7(), "张三", "+86 10 6820 0000",
            new string('异', SelectionText.GroundsLength), "a"), candidacy, campaign, During));
    }

    [Fact]
    public void AnObjectionIsResolvedOnceWithAWrittenOutcome()
    {
        var (_, candidacy) = OnNotice(Enterprise);
        var id = Guid.CreateVersion7();
        candidacy = candidacy.Apply(new ObjectionFiled(Enterprise, id, "张三", "138", "不实", "applicant:a1", During));

        Assert.Equal(SelectionRules.OutcomeRequired, Refused(() => SelectionDecider.Decide(new ResolveObjection(Enterprise, id, "", "m"), candidacy, After)));
        Assert.Equal(SelectionRules.ObjectionNotFound, Refused(() => SelectionDecider.Decide(new ResolveObjection(Enterprise, Guid.CreateVersion7(), "查无实据", "m"), candidacy, After)));
        var resolved = candidacy.Apply(Assert.IsType<ObjectionResolved>(Assert.Single(SelectionDecider.Decide(new ResolveObjection(Enterprise, id, "经核查，数据属实", "m"), candidacy, After))));
        Assert.Equal("经核查，数据属实", resolved.Objections.Single().Outcome);
        Assert.Equal(SelectionRules.ObjectionAlreadyResolved, Refused(() => SelectionDecider.Decide(new ResolveObjection(Enterprise, id, "再处理", "m"), resolved, After)));
    }

    [Fact]
    public void ACandidateIsSelectedOnlyAfterTheNoticePeriodAndJoinsTheFinalList()
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        var select = new DecideCandidate(Enterprise, SelectionDecision.Select, null, "ministry-officer:m1");
        Assert.Equal(SelectionRules.NoticePeriodNotOver, Refused(() => SelectionDecider.Decide(select, candidacy, campaign, null, During)));

        var decided = SelectionDecider.Decide(select, candidacy, campaign, null, After);

        Assert.IsType<CandidateSelected>(Assert.Single(decided[candidacy.Id]));
        var listed = Assert.IsType<DemonstrationAddedToFinalList>(Assert.Single(decided[FinalList.IdFor(CampaignId)]));
        Assert.Equal((5, 2023, Enterprise, ApplicationCategory.Enterprise), (listed.Batch, listed.Year, listed.ApplicationId, listed.Category));
        Assert.Equal(SelectionRules.AlreadyDecided, Refused(() => SelectionDecider.Decide(select, candidacy.Apply((CandidateSelected)decided[candidacy.Id][0]), campaign, null, After)));
    }

    [Fact]
    public void ACandidateWithAnUnresolvedObjectionCannotBeDecided()
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        candidacy = candidacy.Apply(new ObjectionFiled(Enterprise, Guid.CreateVersion7(), "张三", "138", "不实", "applicant:a1", During));
        Assert.Equal(SelectionRules.ObjectionUnresolved, Refused(() =>
            SelectionDecider.Decide(new DecideCandidate(Enterprise, SelectionDecision.Decline, "不符合条件", "m"), candidacy, campaign, null, After)));
    }

    [Fact]
    public void ACityCannotBeSelectedWithoutAFiledVisitReport()
    {
        var (campaign, candidacy) = OnNotice(City, ApplicationCategory.City, Visited(City));
        var select = new DecideCandidate(City, SelectionDecision.Select, null, "m");
        var unreported = SiteVisit.Create(new SiteVisitScheduled(City, CampaignId, ApplicationCategory.City, "宁波市", "330200", new DateOnly(2023, 9, 12), "宁波市", ["a", "b"], "m", Publishing));

        Assert.Equal(SelectionRules.VisitReportRequired, Refused(() => SelectionDecider.Decide(select, candidacy, campaign, null, After)));
        Assert.Equal(SelectionRules.VisitReportRequired, Refused(() => SelectionDecider.Decide(select, candidacy, campaign, unreported, After)));
        Assert.Equal(2, SelectionDecider.Decide(select, candidacy, campaign, Visited(City), After).Count);
    }

    [Fact]
    public void ADeclineNeedsItsReasonAndStaysOffTheFinalList()
    {
        var (campaign, candidacy) = OnNotice(Enterprise);
        Assert.Equal(SelectionRules.DeclineReasonRequired, Refused(() =>
            SelectionDecider.Decide(new DecideCandidate(Enterprise, SelectionDecision.Decline, " ", "m"), candidacy, campaign, null, After)));
        var decided = SelectionDecider.Decide(new DecideCandidate(Enterprise, SelectionDecision.Decline, "公示期间核实存在问题", "m"), candidacy, campaign, null, After);
        Assert.Equal("公示期间核实存在问题", Assert.IsType<CandidateDeclined>(Assert.Single(Assert.Single(decided).Value)).Reason);
    }
}
