using ServiceManufacturing.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class PackagesApiTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task HebeiSubmitsItsPackageOnceWithAVerifiableReceiptAndTheMinistryTakesItIn()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var enterprise = await app.SubmittedAsync(broker, campaign, "河北某某装备制造有限公司");
        var platform = await app.SubmittedAsync(broker, campaign, "河北某某工业互联网平台有限公司", ApplicationCategory.Platform, "other");
        var spare = await app.SubmittedAsync(broker, campaign, "河北某某后补企业有限公司");
        foreach (var id in new[] { enterprise, platform, spare }) await app.PassAndStampAsync(broker, id);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        foreach (var id in new[] { enterprise, platform })
            Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id })).StatusCode);

        await ApiJson.AssertProblemAsync(await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, PackageRules.TableScanRequired.Code);
        var tableScan = TestScans.Pdf("Stamped summary table");
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TestScans.Content(tableScan))).StatusCode);

        var submitted = await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = (await submitted.Content.ReadFromJsonAsync<PackageReceipt>(ApiJson.Options))!;
        Assert.Equal(2, receipt.Entries);

        // The receipt's hash is over every list entry (with its stamped form's hash) and the stamped table.
        await using (var session = app.Store.QuerySession())
        {
            var package = (await session.LoadAsync<RecommendationPackage>(receipt.PackageId))!;
            Assert.Equal(receipt.ContentHash, RecommendationPackage.HashOf(campaign, "130000", package.Entries, package.SummaryTableSha256!));
            Assert.Equal([enterprise, platform], package.Entries.Select(e => e.ApplicationId));
        }
        // The authority (and the ministry) can verify the receipt later; a receipt with another hash does not verify.
        foreach (var (presented, valid) in new[] { (receipt, true), (receipt with { ContentHash = new string('0', 64) }, false) })
        {
            var verified = await hebei.PostAsJsonAsync("/api/v1/packages/receipt-verification", presented, ApiJson.Options);
            Assert.Equal(valid, (await verified.Content.ReadFromJsonAsync<ReceiptVerification>(ApiJson.Options))!.Valid);
        }
        // Frozen: no more changes to the lists, and no second submission.
        await ApiJson.AssertProblemAsync(await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = spare }),
            HttpStatusCode.Conflict, PackageRules.Frozen.Code);
        await ApiJson.AssertProblemAsync(await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign }),
            HttpStatusCode.Conflict, PackageRules.Frozen.Code);
        await broker.WaitForAsync(m => m.Stage == ReviewStage.SubmittedToMinistry && m.ApplicationIds.Contains(enterprise));

        // The ministry sees every one of the 37 authorities: Hebei has submitted, the others not.
        var ministry = app.ClientFor(TestUsers.Ministry);
        // It opens Hebei's package: the stamped table to download here, each stamped form by its hash at Registration.
        var details = (await ministry.GetFromJsonAsync<PackageDetails>($"/api/v1/packages/130000?campaignId={campaign}", ApiJson.Options))!;
        Assert.Equal(["summaryTableScan", "stampedForm", "stampedForm"], details.Documents.Select(d => d.Kind));
        Assert.Equal([enterprise, platform], details.Documents.Skip(1).Select(d => d.ApplicationId!.Value));
        Assert.All(details.Documents.Skip(1), d => Assert.Equal($"/api/v1/applications/{d.ApplicationId}/stamped-form", d.Url));
        var table = await ministry.GetAsync(details.Documents[0].Url);
        Assert.Equal("application/pdf", table.Content.Headers.ContentType?.MediaType);
        Assert.Equal(tableScan, await table.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tableScan)), details.Documents[0].Sha256);
        // Another authority's officer does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.DalianOfficer).GetAsync($"/api/v1/packages/130000?campaignId={campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.DalianOfficer).GetAsync(details.Documents[0].Url)).StatusCode);
        var overview = await ministry.GetFromJsonAsync<List<AuthorityPackageStatus>>($"/api/v1/packages?campaignId={campaign}", ApiJson.Options);
        Assert.Equal(37, overview!.Count);
        Assert.Equal((PackageStatus.Submitted, 2, receipt.ContentHash), overview.Where(a => a.AuthorityCode == "130000").Select(a => (a.Status, a.Entries, a.ContentHash)).Single());
        Assert.All(overview.Where(a => a.AuthorityCode != "130000"), a => Assert.Equal(PackageStatus.Open, a.Status));

        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync("/api/v1/packages/130000/acknowledgement", new { campaignId = campaign })).StatusCode);
        var intake = await broker.WaitForAsync(m => m.Stage == ReviewStage.AwaitingExpertReview && m.CampaignId == campaign);
        Assert.Equal([enterprise, platform], intake.Message.ApplicationIds);
    }

    [Fact]
    public async Task ARecommendationRacingThePackagesSubmissionIsEitherInThePackageOrRefused()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        var colleague = app.ClientFor(TestUsers.HebeiOfficer with { Subject = "officer-hebei-2" });
        for (var round = 0; round < 4; round++)
        {
            var campaign = await app.CampaignAsync(broker);
            var first = await app.SubmittedAsync(broker, campaign, $"河北某某装备制造有限公司{round}A");
            var racer = await app.SubmittedAsync(broker, campaign, $"河北某某装备制造有限公司{round}B");
            foreach (var id in new[] { first, racer }) await app.PassAndStampAsync(broker, id);
            Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = first })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TableScan())).StatusCode);

            // One officer submits the package while the other recommends one more, at the same moment.
            var (recommended, submitted) = (colleague.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = racer }),
                hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign }));
            await Task.WhenAll(recommended, submitted);
            if ((await submitted).StatusCode != HttpStatusCode.OK)
            {
                // The submission lost the race on a list: the officer submits again and gets the list as it now stands.
                await ApiJson.AssertProblemAsync(await submitted, HttpStatusCode.Conflict, "concurrent-change");
                Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
            }
            if ((await recommended).StatusCode != HttpStatusCode.OK)
                await ApiJson.AssertProblemAsync(await recommended, HttpStatusCode.Conflict, PackageRules.Frozen.Code);

            // Either way the package holds exactly what the list holds, and the list no longer changes.
            await using var session = app.Store.QuerySession();
            var package = (await session.LoadAsync<RecommendationPackage>(RecommendationPackage.IdFor(campaign, "130000")))!;
            var list = (await session.LoadAsync<RecommendationList>(RecommendationList.IdFor(campaign, "130000", RecommendationListKind.Enterprises)))!;
            Assert.Equal(list.Entries.Select(e => e.ApplicationId), package.Entries.Select(e => e.ApplicationId));
            Assert.Equal((await recommended).StatusCode == HttpStatusCode.OK, package.Entries.Any(e => e.ApplicationId == racer));
            Assert.True(list.Submitted);
        }
    }

    [Fact]
    public async Task AReturnedPackageOpensItsListsAgainAndIsSubmittedOnceMore()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var first = await app.SubmittedAsync(broker, campaign, "河北某某重型机械有限公司");
        var second = await app.SubmittedAsync(broker, campaign, "河北某某精密仪器有限公司");
        foreach (var id in new[] { first, second }) await app.PassAndStampAsync(broker, id);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TableScan())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);

        var ministry = app.ClientFor(TestUsers.Ministry);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/packages/130000/return", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, PackageRules.ReasonRequired.Code);
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync("/api/v1/packages/130000/return",
            new { campaignId = campaign, reason = "汇总表未盖章" })).StatusCode);
        // Its application is back with the authority, as the applicant will see.
        await broker.WaitForAsync(m => m.Stage == ReviewStage.Recommended && m.CampaignId == campaign && m.ApplicationIds.SequenceEqual(new[] { first }));

        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = second })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TableScan())).StatusCode);
        var resubmitted = await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(2, (await resubmitted.Content.ReadFromJsonAsync<PackageReceipt>(ApiJson.Options))!.Entries);
        await ApiJson.AssertProblemAsync(await hebei.DeleteAsync($"/api/v1/recommendations/{first}"), HttpStatusCode.Conflict, PackageRules.Frozen.Code);
    }

    static ByteArrayContent TableScan() =>
        TestScans.Content(TestScans.Pdf("Stamped summary table"));

    [Fact]
    public async Task APackageAfterTheDeadlineIsRefusedAndPassesUnderTheMinistrysException()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var enterprise = await app.SubmittedAsync(broker, campaign, "大连某某重工股份有限公司", authority: "210200");
        await app.PassAndStampAsync(broker, enterprise, TestUsers.DalianOfficer);
        var scan = TestScans.Content(TestScans.Pdf());
        var dalian = app.ClientFor(TestUsers.DalianOfficer);
        Assert.Equal(HttpStatusCode.OK, (await dalian.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = enterprise })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dalian.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", scan)).StatusCode);
        var before = app.Clock.GetUtcNow();
        app.Clock.Set(new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        try
        {
            await ApiJson.AssertProblemAsync(await dalian.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign }),
                HttpStatusCode.UnprocessableEntity, "recommendation-deadline-passed");

            // The ministry grants Dalian until June 5th (in Registration, whose event reaches Review as a message).
            await broker.PublishAsync(new DeadlineExceptionGranted(campaign, "210200", DeadlineKind.Recommendations, new DateOnly(2023, 6, 5),
                "系统故障", "ministry-officer:ministry-1", DateTimeOffset.UtcNow), Guid.CreateVersion7());
            await Eventually.GetAsync(async () =>
            {
                await using var session = app.Store.QuerySession();
                return (await session.LoadAsync<Services.Review.Campaigns.ReviewCampaign>(campaign))!.Extensions.ContainsKey("210200") ? "extended" : null;
            });
            var submitted = await dalian.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign });
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }
        finally
        {
            app.Clock.Set(before);
        }
    }
}
