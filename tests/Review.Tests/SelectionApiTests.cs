using System.Net;
using System.Net.Http.Json;
using Marten;
using DocumentFormat.OpenXml.Packaging;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Site visits, the public notice and the final selection through Review's API, on the real servers.</summary>
public partial class SelectionApiTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);
    static readonly DateOnly Window = new(2023, 9, 11);

    [Fact]
    public async Task FromExpertReviewToTheFinalListVisitsAreScheduledReportedNoticedObjectedToAndDecided()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        await using var evaluation = await BrokerProbe<DemonstrationSelected>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var hebeiCity = await PassedExpertReviewAsync(broker, campaign, "石家庄市工业和信息化局", ApplicationCategory.City, "comprehensive", "130000");
        var zhejiangCity = await PassedExpertReviewAsync(broker, campaign, "杭州市经济和信息化局", ApplicationCategory.City, "industrialDesign", "330000");
        var enterprise = await PassedExpertReviewAsync(broker, campaign, "河北某某装备制造有限公司", ApplicationCategory.Enterprise, null, "130000");
        // Four experts: one from Hebei (conflicted with Hebei's applications), the others free on the window's first days.
        var hebeiExpert = await ExpertAsync(broker, "130000", Window, Window.AddDays(1), Window.AddDays(2));
        var beijing = await ExpertAsync(broker, "110000", Window, Window.AddDays(1));
        var shanghai = await ExpertAsync(broker, "310000", Window, Window.AddDays(1), Window.AddDays(2));
        var guangdong = await ExpertAsync(broker, "440000", Window.AddDays(1), Window.AddDays(2));
        var ministry = app.ClientFor(TestUsers.Ministry);

        // The ministry marks the enterprise too; then one call schedules every visit due.
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsync($"/api/v1/site-visits/{enterprise}/marking", null)).StatusCode);
        var proposal = await ministry.PostAsJsonAsync("/api/v1/site-visits/schedule-proposal",
            new { campaignId = campaign, from = Window, to = Window.AddDays(4) });
        Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
        var schedule = (await proposal.Content.ReadFromJsonAsync<ScheduleProposal>(ApiJson.Options))!;
        Assert.Equal(new[] { enterprise, hebeiCity, zhejiangCity }.Order(), schedule.Scheduled.Select(v => v.ApplicationId).Order());
        Assert.Empty(schedule.Unplaced);
        Dictionary<string, IReadOnlyList<DateOnly>> experts;
        await using (var session = app.Store.QuerySession())
            experts = (await session.Query<Services.Review.Experts.ExpertProfile>().ToListAsync()).ToDictionary(e => e.Id, e => e.AvailableDates);
        Assert.All(schedule.Scheduled.SelectMany(v => v.Team.Select(e => (e, v.Date))).GroupBy(x => x), g => Assert.Single(g));
        Assert.All(schedule.Scheduled.SelectMany(v => v.Team.Select(e => (e, v.Date))), x => Assert.Contains(x.Date, experts[x.e]));
        Assert.All(schedule.Scheduled.Where(v => v.ApplicationId != zhejiangCity), v => Assert.DoesNotContain(hebeiExpert.Subject, v.Team));
        var hebeiDays = schedule.Scheduled.Where(v => v.ApplicationId != zhejiangCity).Select(v => v.Date.DayNumber).Order().ToList();
        Assert.Equal(1, hebeiDays[1] - hebeiDays[0]);
        await broker.WaitForAsync(m => m.ApplicationId == hebeiCity && m.Stage == ReviewStage.SiteVisit);

        // An officer moving a visit onto an expert who is on another visit that day is refused.
        var cityVisit = schedule.Scheduled.Single(v => v.ApplicationId == hebeiCity);
        var other = schedule.Scheduled.Single(v => v.ApplicationId == zhejiangCity);
        var busy = other.Team.First(e => e != hebeiExpert.Subject);
        await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/site-visits/{hebeiCity}",
            new { date = other.Date, place = "石家庄市", team = new[] { busy, beijing.Subject == busy ? shanghai.Subject : beijing.Subject } }),
            HttpStatusCode.UnprocessableEntity, SiteVisitRules.ExpertBooked.Code);

        // Until every due visit has its report, there is no notice.
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/selection/public-notice",
            new { campaignId = campaign, starts = "2023-11-01", ends = "2023-11-07" }), HttpStatusCode.UnprocessableEntity, SelectionRules.VisitReportsOutstanding.Code);
        // Only an expert of the team files the report; another expert does not even see the visit.
        var outsider = experts.Keys.First(e => !cityVisit.Team.Contains(e));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.Expert with { Subject = outsider }).PostAsJsonAsync(
            $"/api/v1/site-visits/{hebeiCity}/report", new { findings = "好", recommendation = "recommend" })).StatusCode);
        // Before its day a visit has no report; from its day on (China Standard Time) the team files it.
        var first = schedule.Scheduled.MinBy(v => v.Date)!;
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Expert with { Subject = first.Team[0] }).PostAsJsonAsync(
            $"/api/v1/site-visits/{first.ApplicationId}/report", new { findings = "提前", recommendation = "recommend" }),
            HttpStatusCode.UnprocessableEntity, SiteVisitRules.ReportBeforeVisit.Code);
        app.Clock.Set(new DateTimeOffset(Window.AddDays(4).ToDateTime(new TimeOnly(18, 0)), China));
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/site-visits/schedule-proposal",
            new { campaignId = campaign, from = Window, to = Window.AddDays(3) }), HttpStatusCode.UnprocessableEntity, SiteVisitRules.DayPast.Code);
        // A place or findings past their limits: 400, naming the field.
        var longPlace = await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/site-visits/{hebeiCity}",
            new { date = Window.AddDays(4), place = new string('石', SiteVisitRules.MaxPlace + 1), team = cityVisit.Team }), HttpStatusCode.BadRequest, "validation");
        Assert.True(longPlace.GetProperty("errors").TryGetProperty("place", out _));
        var longFindings = await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Expert with { Subject = first.Team[0] }).PostAsJsonAsync(
            $"/api/v1/site-visits/{first.ApplicationId}/report", new { findings = new string('好', SiteVisitRules.MaxFindings + 1), recommendation = "recommend" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.True(longFindings.GetProperty("errors").TryGetProperty("findings", out _));
        await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/site-visits/{hebeiCity}",
            new { date = Window.AddDays(3), place = "石家庄市", team = cityVisit.Team }), HttpStatusCode.UnprocessableEntity, SiteVisitRules.DayPast.Code);
        foreach (var visit in schedule.Scheduled)
            Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Expert with { Subject = visit.Team[0] }).PostAsJsonAsync(
                $"/api/v1/site-visits/{visit.ApplicationId}/report", new { findings = "政策措施落实到位，成效明显", recommendation = "recommend" })).StatusCode);

        // The notice: published, readable without signing in.
        app.Clock.Set(new DateTimeOffset(2023, 10, 31, 17, 0, 0, China));
        var published = await ministry.PostAsJsonAsync("/api/v1/selection/public-notice", new { campaignId = campaign, starts = "2023-11-01", ends = "2023-11-07" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var notice = (await app.RawClient().GetFromJsonAsync<PublicNoticeView>($"/api/v1/selection/public-notice?campaignId={campaign}", ApiJson.Options))!;
        Assert.Equal(new[] { enterprise, hebeiCity, zhejiangCity }.Order(), notice.Candidates.Select(c => c.ApplicationId).Order());

        // An objection during the period; none is decided before the period ends, nor while an objection is open.
        app.Clock.Set(new DateTimeOffset(2023, 11, 7, 23, 0, 0, China));
        var objected = await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync($"/api/v1/selection/candidates/{enterprise}/objections",
            new { contactName = "张三", contactPhone = "13800000000", grounds = "服务收入数据不实" });
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        var objection = (await objected.Content.ReadFromJsonAsync<ObjectionReceipt>(ApiJson.Options))!.ObjectionId;
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/selection/candidates/{hebeiCity}/decision", new { decision = "select" }),
            HttpStatusCode.UnprocessableEntity, SelectionRules.NoticePeriodNotOver.Code);
        app.Clock.Set(new DateTimeOffset(2023, 11, 8, 0, 0, 0, China));
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync($"/api/v1/selection/candidates/{enterprise}/objections",
            new { contactName = "张三", contactPhone = "13800000000", grounds = "再次异议" }), HttpStatusCode.UnprocessableEntity, SelectionRules.OutsideNoticePeriod.Code);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/selection/candidates/{enterprise}/decision", new { decision = "select" }),
            HttpStatusCode.UnprocessableEntity, SelectionRules.ObjectionUnresolved.Code);
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/selection/candidates/{enterprise}/objections/{objection}/resolution",
            new { outcome = "经核查，申报数据属实，异议不成立" })).StatusCode);

        foreach (var (id, decision) in new[] { (hebeiCity, "select"), (enterprise, "select"), (zhejiangCity, "decline") })
            Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/selection/candidates/{id}/decision",
                new { decision, reason = decision == "decline" ? "综合评议未入选" : null })).StatusCode);
        await broker.WaitForAsync(m => m.ApplicationId == hebeiCity && m.Stage == ReviewStage.Selected);
        await broker.WaitForAsync(m => m.ApplicationId == zhejiangCity && m.Stage == ReviewStage.NotSelected && m.Reason == "综合评议未入选");
        var selected = await evaluation.WaitForAsync(m => m.ApplicationId == hebeiCity);
        Assert.Equal((5, 2023, ApplicationCategory.City, "comprehensive", "130000"),
            (selected.Message.Batch, selected.Message.Year, selected.Message.Category, selected.Message.Class, selected.Message.AuthorityCode));

        // The ministry's views: the application's visit and decision, the progress per category, the final list as XLSX.
        var cityCase = (await ministry.GetFromJsonAsync<SelectionCase>($"/api/v1/selection/cases/{hebeiCity}", ApiJson.Options))!;
        Assert.Equal((CandidateStatus.Selected, VisitRecommendation.Recommend), (cityCase.Candidacy!.Status, cityCase.Visit!.Report!.Recommendation));
        var progress = (await ministry.GetFromJsonAsync<List<SelectionProgress>>($"/api/v1/selection/progress?campaignId={campaign}", ApiJson.Options))!;
        Assert.Equal((2, 2, 2, 2, 1, 1), progress.Where(p => p.Category == ApplicationCategory.City)
            .Select(p => (p.PassedExpertReview, p.VisitsDue, p.Visited, p.Decided, p.Selected, p.Declined)).Single());
        using var table = SpreadsheetDocument.Open(await ministry.GetStreamAsync($"/api/v1/selection/final-list/spreadsheet?campaignId={campaign}"), false);
        var text = table.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.Contains("统一社会信用代码", text);
        Assert.Contains("石家庄市工业和信息化局", text);
        Assert.DoesNotContain("杭州市经济和信息化局", text);
        Assert.True(cityCase.ExpertReviewPassed);

        // The progress per category as XLSX, Chinese headers, read back: the cities' row.
        var sheet = await ministry.GetAsync($"/api/v1/selection/progress/spreadsheet?campaignId={campaign}");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var sheetRows = ServiceManufacturing.ServiceDefaults.Documents.Spreadsheet.Read(await sheet.Content.ReadAsStreamAsync())
            .Select(r => r.Cells.ToList()).ToList();
        Assert.Equal(CampaignProgress.Headers, sheetRows[1].ToArray());
        Assert.Contains(CampaignProgress.Headers, h => h == "已合议");
        var cityRow = sheetRows.Single(r => r[0] == "示范城市");
        Assert.Equal(("2", "2", "2", "1", "1", "2"), (cityRow[6], cityRow[7], cityRow[9], cityRow[12], cityRow[13], cityRow[14]));
    }

    [Fact]
    public async Task TheNoticeWaitsForEveryExpertReviewHeldAndTellsTheApplicantThatFailedItIsNotSelected()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        app.Clock.Set(new DateTimeOffset(2023, 3, 15, 9, 0, 0, China));
        var campaign = await app.CampaignAsync(broker);
        var (passing, failing) = (await RecommendedAsync(broker, campaign, "河北某某智能装备有限公司"),
            await RecommendedAsync(broker, campaign, "河北某某精密制造有限公司"));
        await HebeisPackageAcknowledgedAsync(campaign);
        await ConcludeAsync(passing, campaign, true);
        var ministry = app.ClientFor(TestUsers.Ministry);
        app.Clock.Set(new DateTimeOffset(2024, 3, 1, 10, 0, 0, China));
        var notice = new { campaignId = campaign, starts = "2024-03-01", ends = "2024-03-05" };

        // One application is still under expert review: no notice (it is published once), and none of the past.
        var refused = await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/selection/public-notice", notice),
            HttpStatusCode.UnprocessableEntity, SelectionRules.ExpertReviewOutstanding.Code);
        Assert.Contains("河北某某精密制造有限公司", refused.GetProperty("detail").GetString());
        await ConcludeAsync(failing, campaign, false);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/selection/public-notice",
            new { campaignId = campaign, starts = "2024-02-20", ends = "2024-02-29" }), HttpStatusCode.UnprocessableEntity, SelectionRules.NoticeStartsBeforePublication.Code);

        var published = await ministry.PostAsJsonAsync("/api/v1/selection/public-notice", notice);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal([passing], (await published.Content.ReadFromJsonAsync<PublicNoticeView>(ApiJson.Options))!.Candidates.Select(c => c.ApplicationId));
        var told = await broker.WaitForAsync(m => m.ApplicationId == failing && m.Stage == ReviewStage.NotSelected);
        Assert.Equal(LeftOffPublicNotice.Reason, told.Message.Reason);

        // An objection's telephone, name and grounds are checked; the refusal names the field, and nothing is stored.
        app.Clock.Set(new DateTimeOffset(2024, 3, 3, 10, 0, 0, China));
        var objector = app.ClientFor(TestUsers.Applicant);
        var badPhone = await ApiJson.AssertProblemAsync(await objector.PostAsJsonAsync($"/api/v1/selection/candidates/{passing}/objections",
            new { contactName = "张三", contactPhone = "请打给我", grounds = "数据不实" }), HttpStatusCode.UnprocessableEntity, SelectionRules.TextInvalid.Code);
        Assert.True(badPhone.GetProperty("errors").TryGetProperty("contactPhone", out _));
        var longGrounds = await ApiJson.AssertProblemAsync(await objector.PostAsJsonAsync($"/api/v1/selection/candidates/{passing}/objections",
            new { contactName = "张三", contactPhone = "13800000000", grounds = new string('异', SelectionText.GroundsLength + 1) }),
            HttpStatusCode.UnprocessableEntity, SelectionRules.TextInvalid.Code);
        Assert.True(longGrounds.GetProperty("errors").TryGetProperty("grounds", out _));
        await using var session = app.Store.QuerySession();
        Assert.Empty((await session.LoadAsync<Candidacy>(Candidacy.IdFor(passing)))!.Objections);
    }

    [Fact]
    public async Task TwoOfficersBookingOneExpertOnOneDayAtOnceLeaveOneBooking()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        app.Clock.Set(new DateTimeOffset(2023, 9, 1, 9, 0, 0, China)); // before the window, whichever test ran first
        var campaign = await app.CampaignAsync(broker);
        var experts = new List<CurrentUser>();
        for (var i = 0; i < 3; i++) experts.Add(await ExpertAsync(broker, "110000", Window, Window.AddDays(1), Window.AddDays(2), Window.AddDays(3)));
        var (a, b) = (experts[0].Subject, experts[1].Subject);
        var officer = app.ClientFor(TestUsers.Ministry);
        var colleague = app.ClientFor(TestUsers.Ministry with { Subject = "ministry-2" });
        for (var round = 0; round < 3; round++)
        {
            var day = Window.AddDays(round);
            var first = await PassedExpertReviewAsync(broker, campaign, $"唐山市{round}", ApplicationCategory.City, "comprehensive", "130000");
            var second = await PassedExpertReviewAsync(broker, campaign, $"太原市{round}", ApplicationCategory.City, "comprehensive", "140000");

            var answers = await Task.WhenAll(
                officer.PutAsJsonAsync($"/api/v1/site-visits/{first}", new { date = day, place = "唐山市", team = new[] { a, experts[2].Subject } }),
                colleague.PutAsJsonAsync($"/api/v1/site-visits/{second}", new { date = day, place = "太原市", team = new[] { a, b } }));

            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
            await ApiJson.AssertProblemAsync(answers.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity, SiteVisitRules.ExpertBooked.Code);
            await using var session = app.Store.QuerySession();
            var booked = (await session.LoadAsync<ExpertDay>(ExpertDay.IdFor(a, day)))!.VisitApplicationId;
            Assert.Equal(answers[0].StatusCode == HttpStatusCode.OK ? first : second, booked);
        }
    }
}
