using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// The ministry's last steps through the gateway: two Hebei cities go through expert review (the development experts
/// score them), get their site visits from one schedule proposal, their reports, the public notice and the decision.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class SelectionTests(WholeSystem system)
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);
    static readonly string[] DevelopmentExperts =
        ["expert.zhang", "expert.wang", "expert.li", "expert.zhao", "expert.chen", "expert.liu", "expert.sun", "expert.zhou"];

    [Fact]
    public async Task VisitsAreScheduledWithinAvailabilityNoCityIsNoticedWithoutItsReportLateObjectionsAreRefusedAndTheSelectedCitySeesIt()
    {
        try
        {
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime);
            var campaign = await system.OpenCampaignAsync(today.AddDays(30));
            using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
            using var hebei = await Screening.OfficerAsync(system, "130000", "officer.130000.selection");
            var cities = await Screening.PassedAndStampedAsync(system, hebei,
                [Screening.City("130000", "石家庄市", "comprehensive"), Screening.City("130000", "唐山市", "industrialDesign")]);
            foreach (var id in cities) Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(hebei, "/api/v1/recommendations", new { applicationId = id })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(hebei, $"/api/v1/packages/summary-table-scan?campaignId={campaign}",
                TestScans.Content(TestScans.Pdf("Hebei summary table, stamped")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(hebei, "/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, "/api/v1/packages/130000/acknowledgement", new { campaignId = campaign })).StatusCode);

            await ExpertReviewAsync(ministry, campaign, cities);

            // One call schedules both visits inside the next two weeks.
            var proposal = await Api.PostAsync(ministry, "/api/v1/site-visits/schedule-proposal",
                new { campaignId = campaign, from = today.AddDays(1), to = today.AddDays(14) });
            var schedule = await proposal.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(proposal.StatusCode == HttpStatusCode.OK, schedule.ToString());
            var visits = schedule.GetProperty("scheduled").EnumerateArray().Select(v => (
                Id: v.GetProperty("applicationId").GetGuid(), Date: DateOnly.Parse(v.GetProperty("date").GetString()!),
                Team: v.GetProperty("team").EnumerateArray().Select(e => e.GetString()!).ToList())).ToList();
            Assert.Equal(cities.Order(), visits.Select(v => v.Id).Order());
            Assert.Empty(schedule.GetProperty("unplaced").EnumerateArray());
            var available = (await Api.GetJsonAsync(ministry, "/api/v1/experts")).EnumerateArray().ToDictionary(
                e => e.GetProperty("accountId").GetGuid().ToString(), e => e.GetProperty("availableDates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!)).ToHashSet());
            Assert.All(visits, v => Assert.True(v.Team.Count >= 2));
            Assert.All(visits.SelectMany(v => v.Team.Select(e => (Expert: e, v.Date))).GroupBy(x => x), g => Assert.Single(g)); // never two visits a day
            Assert.All(visits.SelectMany(v => v.Team.Select(e => (Expert: e, v.Date))), x => Assert.Contains(x.Date, available[x.Expert]));
            Assert.Equal(1, Math.Abs(visits[0].Date.DayNumber - visits[1].Date.DayNumber)); // one province: consecutive days
            await Screening.Until(async () => (await Api.GetJsonAsync(ministry, $"/api/v1/applications/{cities[0]}")).GetProperty("status").GetString() == "siteVisit",
                "Registration to show the site visit");

            // No city reaches the notice (nor the selection) without its visit report.
            await ApiJson.AssertProblemAsync(await Api.PostAsync(ministry, "/api/v1/selection/public-notice",
                new { campaignId = campaign, starts = today, ends = today }), HttpStatusCode.UnprocessableEntity, "visit-reports-outstanding");
            await ApiJson.AssertProblemAsync(await Api.PostAsync(ministry, $"/api/v1/selection/candidates/{cities[0]}/decision", new { decision = "select" }),
                HttpStatusCode.NotFound, "candidate-not-found");
            // A report is filed from its visit's day on: before it, refused; then Review's development clock moves to the
            // later visit's day and every team files its report.
            foreach (var userName in DevelopmentExperts)
            {
                using var expert = await system.ClientAsync(userName);
                if ((await Api.GetJsonAsync(expert, $"/api/v1/site-visits?campaignId={campaign}")).EnumerateArray().FirstOrDefault() is not
                    { ValueKind: JsonValueKind.Object } visit) continue;
                await ApiJson.AssertProblemAsync(await Api.PostAsync(expert, $"/api/v1/site-visits/{visit.GetProperty("applicationId").GetGuid()}/report",
                    new { findings = "提前填报", recommendation = "recommend" }), HttpStatusCode.UnprocessableEntity, "visit-report-before-visit");
                break;
            }
            var visitDay = visits.Max(v => v.Date);
            var shift = TimeSpan.FromDays(visitDay.DayNumber - today.DayNumber);
            await system.ShiftReviewClockAsync(shift);
            foreach (var userName in DevelopmentExperts)
            {
                using var expert = await system.ClientAsync(userName);
                foreach (var visit in (await Api.GetJsonAsync(expert, $"/api/v1/site-visits?campaignId={campaign}")).EnumerateArray()
                             .Where(v => v.GetProperty("report").ValueKind == JsonValueKind.Null))
                {
                    HttpResponseMessage filed = null!;
                    await Screening.Until(async () => (filed = await Api.PostAsync(expert, $"/api/v1/site-visits/{visit.GetProperty("applicationId").GetGuid()}/report",
                        new { findings = "服务型制造政策措施落实到位，示范带动作用明显", recommendation = "recommend" })).StatusCode != HttpStatusCode.UnprocessableEntity,
                        "Review's clock to reach the visit's day");
                    Assert.True(filed.StatusCode == HttpStatusCode.OK, await filed.Content.ReadAsStringAsync());
                }
            }

            // A notice period already past is refused; one of (Review's) today in China Standard Time is published, readable without signing in.
            await ApiJson.AssertProblemAsync(await Api.PostAsync(ministry, "/api/v1/selection/public-notice",
                new { campaignId = campaign, starts = visitDay.AddDays(-7), ends = visitDay.AddDays(-1) }), HttpStatusCode.UnprocessableEntity, "notice-starts-before-publication");
            var published = await Api.PostAsync(ministry, "/api/v1/selection/public-notice", new { campaignId = campaign, starts = visitDay, ends = visitDay });
            Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
            var notice = await Api.GetJsonAsync(system.Gateway, $"/api/v1/selection/public-notice?campaignId={campaign}");
            Assert.Equal(cities.Order(), notice.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("applicationId").GetGuid()).Order());
            using var objector = await system.ClientAsync("applicant.shenzhen");
            var objection = new { contactName = "李明", contactPhone = "0755-88880000", grounds = "示范项目数量不实" };
            var objected = await Api.PostAsync(objector, $"/api/v1/selection/candidates/{cities[1]}/objections", objection);
            Assert.True(objected.StatusCode == HttpStatusCode.Created, await objected.Content.ReadAsStringAsync());
            var objectionId = (await objected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("objectionId").GetGuid();
            await ApiJson.AssertProblemAsync(await Api.PostAsync(ministry, $"/api/v1/selection/candidates/{cities[0]}/decision", new { decision = "select" }),
                HttpStatusCode.UnprocessableEntity, "notice-period-not-over");
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, $"/api/v1/selection/candidates/{cities[1]}/objections/{objectionId}/resolution",
                new { outcome = "经核查，申报数据属实，异议不成立" })).StatusCode);

            // The period passes (Review's development clock moves a day on); late objections are refused, the ministry decides,
            // and the applicant sees the outcome in Registration.
            await system.ShiftReviewClockAsync(shift + TimeSpan.FromDays(1));
            await Screening.Until(async () => (await Api.PostAsync(ministry, $"/api/v1/selection/candidates/{cities[0]}/decision",
                new { decision = "select" })).StatusCode == HttpStatusCode.OK, "Review's clock to pass the notice period");
            await ApiJson.AssertProblemAsync(await Api.PostAsync(objector, $"/api/v1/selection/candidates/{cities[1]}/objections", objection),
                HttpStatusCode.UnprocessableEntity, "objection-outside-notice-period");
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, $"/api/v1/selection/candidates/{cities[1]}/decision",
                new { decision = "decline", reason = "综合评议排名靠后" })).StatusCode);
            await Screening.Until(async () => (await Api.GetJsonAsync(ministry, $"/api/v1/applications/{cities[0]}")).GetProperty("status").GetString() == "selected",
                "Registration to show the city selected");
            await Screening.Until(async () => (await Api.GetJsonAsync(ministry, $"/api/v1/applications/{cities[1]}")).GetProperty("status").GetString() == "notSelected",
                "Registration to show the other city not selected");
            var final = await Api.GetJsonAsync(ministry, $"/api/v1/selection/final-list?campaignId={campaign}");
            Assert.Equal(cities[0], Assert.Single(final.EnumerateArray()).GetProperty("applicationId").GetGuid());
            // Evaluation puts the selected city on its roster as a demonstration of the campaign's batch; not the declined one.
            var batch = (await Api.GetJsonAsync(ministry, $"/api/v1/campaigns/{campaign}")).GetProperty("batch").GetInt32();
            var selectedName = (await Api.GetJsonAsync(ministry, $"/api/v1/applications/{cities[0]}")).GetProperty("organisationName").GetString();
            var declinedName = (await Api.GetJsonAsync(ministry, $"/api/v1/applications/{cities[1]}")).GetProperty("organisationName").GetString();
            await Screening.Until(async () => (await Api.GetJsonAsync(ministry, $"/api/v1/demonstrations?batch={batch}")).EnumerateArray()
                .Any(d => d.GetProperty("name").GetString() == selectedName), "Evaluation to put the selected city on its roster");
            Assert.DoesNotContain((await Api.GetJsonAsync(ministry, $"/api/v1/demonstrations?batch={batch}")).EnumerateArray(),
                d => d.GetProperty("name").GetString() == declinedName);
        }
        finally
        {
            await system.ShiftReviewClockAsync(TimeSpan.Zero);
            await Task.Delay(TimeSpan.FromSeconds(2)); // Review reads the file again (its watcher waits a moment)
            // Later tests share the system: they get a campaign of their own, without this test's packages and selections.
            await system.OpenACurrentCampaignAsync();
        }
    }

    /// <summary>Every development expert assigned to the cities declares no conflict and scores them full marks; the ministry records the consensus.</summary>
    async Task ExpertReviewAsync(HttpClient ministry, Guid campaign, IReadOnlyList<Guid> cities)
    {
        var assigned = await Api.PostAsync(ministry, $"/api/v1/expert-review/campaigns/{campaign}/categories/city/automatic-assignment", null);
        Assert.True(assigned.StatusCode == HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var settings = await Api.GetJsonAsync(ministry, $"/api/v1/expert-review/campaigns/{campaign}/settings");
        var scores = settings.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("category").GetString() == "city")
            .GetProperty("criteria").EnumerateArray().Select(c => new { criterion = c.GetProperty("code").GetString(), score = c.GetProperty("maxScore").GetDecimal() }).ToList();
        foreach (var userName in DevelopmentExperts)
        {
            using var expert = await system.ClientAsync(userName);
            foreach (var assignment in (await Api.GetJsonAsync(expert, "/api/v1/expert-review/my-assignments")).EnumerateArray()
                         .Where(a => a.GetProperty("campaignId").GetGuid() == campaign))
            {
                var id = assignment.GetProperty("applicationId").GetGuid();
                var declared = await Api.PostAsync(expert, $"/api/v1/expert-review/applications/{id}/declaration", new { hasConflict = false });
                Assert.True(declared.IsSuccessStatusCode, await declared.Content.ReadAsStringAsync());
                var scored = await Api.SendAsync(expert, new HttpRequestMessage(HttpMethod.Put, $"/api/v1/expert-review/applications/{id}/my-scores")
                    { Content = JsonContent.Create(new { scores, comment = "示范作用突出" }) });
                Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
            }
        }
        foreach (var id in cities)
        {
            var consensus = await Api.PostAsync(ministry, $"/api/v1/expert-review/applications/{id}/consensus", new { scores, comment = "专家组合议：通过" });
            Assert.True(consensus.IsSuccessStatusCode, await consensus.Content.ReadAsStringAsync());
        }
    }
}
