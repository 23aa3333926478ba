using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>A stamped summary table's scan is kept only for a package that records it.</summary>
public class SummaryTableScanTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AScanForACampaignReviewDoesNotKnowIsRefusedAndStoresNoPackageAndNoBlob()
    {
        var unknown = Guid.CreateVersion7();
        var blobs = await ScansAsync();

        var response = await app.ClientFor(TestUsers.HebeiOfficer).PutAsync($"/api/v1/packages/summary-table-scan?campaignId={unknown}",
            TestScans.Content(TestScans.Pdf()));

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.Conflict, ReviewCampaignRules.Unknown.Code);
        Assert.Equal(blobs, await ScansAsync());
        await using var session = app.Store.QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(RecommendationPackage.IdFor(unknown, "130000")));
        Assert.Null(await session.LoadAsync<RecommendationPackage>(RecommendationPackage.IdFor(unknown, "130000")));
    }

    [Fact]
    public async Task AFileThatOnlyStartsLikeAScanIsRefusedAndNoBlobIsLeft()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var blobs = await ScansAsync();

        foreach (var (hostile, bytes) in TestScans.Hostile)
        {
            var response = await app.ClientFor(TestUsers.HebeiOfficer).PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}",
                TestScans.Content(bytes, ScanContent.Sniff(bytes) ?? "application/pdf"));

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{hostile}: {response.StatusCode}");
            await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ScanArchive.NotAScan.Code);
        }
        Assert.Equal(blobs, await ScansAsync());
    }

    [Fact]
    public async Task AScanAfterThePackageWasSubmittedIsRefusedAndNoBlobIsLeft()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var enterprise = await app.SubmittedAsync(broker, campaign, "河北某某机床有限公司");
        await app.PassAndStampAsync(broker, enterprise);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = enterprise })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TestScans.Content(TestScans.Pdf()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
        var blobs = await ScansAsync();

        var late = await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", TestScans.Content(TestScans.Png(), "image/png"));

        await ApiJson.AssertProblemAsync(late, HttpStatusCode.Conflict, PackageRules.Frozen.Code);
        Assert.Equal(blobs, await ScansAsync());
    }

    [Fact]
    public async Task AScanWhosePackageRefusesItIsRemovedAgain()
    {
        // The package was submitted between the endpoint's check and the decision: the decider refuses, the blob goes.
        var archive = app.Services.GetRequiredService<ScanArchive>();
        var blobs = await archive.CountAsync(CancellationToken.None);
        var (campaign, now) = (Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var submitted = RecommendationPackage.Create(new SummaryTableScanUploaded(campaign, "130000", Guid.CreateVersion7(), "application/pdf", 1,
            new string('a', 64), "authority-officer:hebei", now)).Apply(new PackageSubmitted(campaign, "130000", [], new string('a', 64),
            new string('b', 64), "authority-officer:hebei", now));

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => archive.StoreAsync(new MemoryStream(TestScans.Jpeg()), "image/jpeg",
            scan => Task.FromResult(PackageDecider.Decide(new UploadSummaryTableScan(campaign, "130000", scan.DocumentId, scan.ContentType,
                scan.Length, scan.Sha256, "authority-officer:hebei"), submitted, now)), CancellationToken.None));

        Assert.Equal(PackageRules.Frozen, refused.Rule);
        Assert.Equal(blobs, await archive.CountAsync(CancellationToken.None));
    }

    Task<long> ScansAsync() => app.Services.GetRequiredService<ScanArchive>().CountAsync(CancellationToken.None);
}
