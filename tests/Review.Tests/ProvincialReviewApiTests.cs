using ServiceManufacturing.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class ProvincialReviewApiTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AProvinceScreensTwelveEnterprisesRecommendsTenAndTheEleventhIsRefusedEvenAtTheSameMoment()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var id = await app.SubmittedAsync(broker, campaign, $"河北某某装备制造有限公司{i:00}");
            var decided = await hebei.PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            await broker.PublishAsync(new StampedFormUploaded(id, new string('d', 64), DateTimeOffset.UtcNow), Guid.CreateVersion7());
            cases.Add(id);
        }
        foreach (var id in cases)
            await Eventually.GetAsync(async () => (await app.CaseAsync(id))?.StampedFormSha256 is null ? null : "stamped");

        for (var i = 0; i < 9; i++)
            Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = cases[i] })).StatusCode);
        // Two officers of Hebei add the tenth and the eleventh at the same moment: exactly one gets the last place.
        var edge = await Task.WhenAll(
            app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync("/api/v1/recommendations", new { applicationId = cases[9] }),
            app.ClientFor(TestUsers.HebeiOfficer with { Subject = "officer-hebei-2" }).PostAsJsonAsync("/api/v1/recommendations", new { applicationId = cases[10] }));
        Assert.Single(edge, r => r.StatusCode == HttpStatusCode.OK);
        // The other is decided again on the full list, and refused by the quota rule rather than by the race.
        await ApiJson.AssertProblemAsync(edge.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity,
            RecommendationRules.QuotaExceeded.Code);

        var eleventh = await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = cases[11] });
        var problem = await ApiJson.AssertProblemAsync(eleventh, HttpStatusCode.UnprocessableEntity, RecommendationRules.QuotaExceeded.Code);
        Assert.Contains("河北省", problem.GetProperty("detail").GetString());
        Assert.Contains("示范企业推荐名额为 10 个", problem.GetProperty("detail").GetString());

        var lists = await hebei.GetFromJsonAsync<List<RecommendationList>>($"/api/v1/recommendations?campaignId={campaign}", ApiJson.Options);
        Assert.Equal(10, lists!.Single(l => l.Kind == RecommendationListKind.Enterprises).Entries.Count);
        // The officer moves the second to the top; the summary table (附件2) shows the lists in that order.
        var enterprises = lists!.Single(l => l.Kind == RecommendationListKind.Enterprises).Entries.Select(e => e.ApplicationId).ToList();
        var order = enterprises.Skip(1).Take(1).Concat(enterprises.Take(1)).Concat(enterprises.Skip(2)).ToList();
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsJsonAsync("/api/v1/recommendations/enterprises/order", new { campaignId = campaign, order })).StatusCode);
        var table = SummaryRows(await hebei.GetByteArrayAsync($"/api/v1/recommendations/summary-table?campaignId={campaign}"));
        Assert.Equal(SummaryTable.Headers, table[2]);
        var rows = table.Skip(3).ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()), rows.Select(r => r[7]));
        Assert.Equal(["河北某某装备制造有限公司01", "河北某某装备制造有限公司00", "河北某某装备制造有限公司02"], rows.Take(3).Select(r => r[3]));
        Assert.All(rows, r => Assert.Equal(("示范企业", "91130000MA0000000X", "河北省", "定制化服务", "赵强"), (r[1], r[4], r[5], r[6], r[8])));

        await broker.WaitForAsync(m => m.ApplicationId == cases[0] && m.Stage == ReviewStage.Recommended);
        await broker.WaitForAsync(m => m.ApplicationId == cases[0] && m.Stage == ReviewStage.PassedInitialReview);
    }

    [Fact]
    public async Task TwoOfficersDecidingTheSameApplicationAtOnceLeaveOneDecision()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.SubmittedAsync(broker, await app.CampaignAsync(broker), "河北某某电气有限公司");
        var version = (await app.CaseAsync(id))!.Version;

        var decisions = await Task.WhenAll(
            Decide(TestUsers.HebeiOfficer, id, version, new { decision = "pass" }),
            Decide(TestUsers.HebeiOfficer with { Subject = "officer-hebei-2" }, id, version, new { decision = "reject", reason = "材料不全" }));

        Assert.Single(decisions, r => r.StatusCode == HttpStatusCode.OK);
        // The other is told its version is stale and sees the case as the winner left it, with its ETag to decide again.
        var lost = decisions.Single(r => r.StatusCode != HttpStatusCode.OK);
        var problem = await ApiJson.AssertProblemAsync(lost, HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
        var current = problem.GetProperty("current").Deserialize<ReviewCaseDetails>(ApiJson.Options)!;
        var stored = (await app.CaseAsync(id))!;
        Assert.Single(stored.Decisions);
        Assert.Equal((stored.Version, stored.Status, 1), (current.Version, current.Status, current.Decisions.Count));
        Assert.Equal($"\"{stored.Version}\"", lost.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AReturnForChangesReachesTheApplicantAndTheResubmissionOpensRoundTwo()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var id = await app.SubmittedAsync(broker, campaign, "河北某某机床有限公司");

        var returned = await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review",
            new { decision = "return", reason = "请补充近三年服务收入" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var message = await broker.WaitForAsync(m => m.ApplicationId == id && m.Stage == ReviewStage.ReturnedForChanges);
        Assert.Equal("请补充近三年服务收入", message.Message.Reason);

        await broker.PublishAsync(ReviewFlow.Submission(id, campaign, "河北某某机床有限公司", version: 6), Guid.CreateVersion7());
        var round2 = await Eventually.GetAsync(async () => (await app.CaseAsync(id)) is { Round: 2 } c ? c : null);
        Assert.Equal(ReviewCaseStatus.AwaitingInitialReview, round2.Status);
        Assert.Equal("return", Assert.Single(round2.Decisions).Decision);
    }

    [Fact]
    public async Task AWithdrawalFromRegistrationClosesTheCase()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.SubmittedAsync(broker, await app.CampaignAsync(broker), "河北某某撤回企业有限公司");

        await broker.PublishAsync(new ApplicationWithdrawn(id, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await app.CaseAsync(id))?.Status == ReviewCaseStatus.Withdrawn ? "closed" : null);

        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review",
            new { decision = "pass" }), HttpStatusCode.Conflict, ReviewCaseRules.Withdrawn.Code);
    }

    [Fact]
    public async Task AWithdrawalThatCrossedThePassStillClosesTheCaseAndItCannotBeRecommended()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.SubmittedAsync(broker, await app.CampaignAsync(broker), "河北某某交叉撤回企业有限公司");
        // The officer passes it while the applicant's withdrawal (accepted by Registration) is on its way.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review",
            new { decision = "pass" })).StatusCode);

        await broker.PublishAsync(new ApplicationWithdrawn(id, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await app.CaseAsync(id))?.Status == ReviewCaseStatus.Withdrawn ? "closed" : null);

        // Even with a stamped form on record, a withdrawn case is not recommendable.
        await broker.PublishAsync(new StampedFormUploaded(id, new string('d', 64), DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await app.CaseAsync(id))?.StampedFormSha256);
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id }),
            HttpStatusCode.Conflict, RecommendationRules.NotRecommendable.Code);
    }

    [Fact]
    public async Task TheWorklistFiltersByWarning()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var flagged = Guid.CreateVersion7();
        await broker.PublishAsync(ReviewFlow.Submission(flagged, campaign, "河北某某服务收入较低公司") with { Warnings = ["service-revenue-below-share"] }, Guid.CreateVersion7());
        await Eventually.GetAsync(() => app.CaseAsync(flagged));

        var response = await app.ClientFor(TestUsers.HebeiOfficer).GetAsync("/api/v1/review-cases?warning=service-revenue-below-share&category=enterprise");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<Page<ReviewCaseDetails>>(ApiJson.Options);

        Assert.Contains(page!.Items, c => c.Id == flagged);
        Assert.All(page.Items, c => Assert.Contains("service-revenue-below-share", c.Warnings));
    }

    /// <summary>The sheet's cells, row by row, as a spreadsheet program reads them.</summary>
    static List<string[]> SummaryRows(byte[] xlsx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        // Valid against the Office schemas, which Excel and WPS hold a workbook to (LibreOffice is lenient).
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    Task<HttpResponseMessage> Decide(ServiceDefaults.Identity.CurrentUser officer, Guid id, long version, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/review-cases/{id}/initial-review") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        return app.ClientFor(officer).SendAsync(request);
    }
}
