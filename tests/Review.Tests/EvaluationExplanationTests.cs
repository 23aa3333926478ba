using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Evaluation's explanations for demonstrations that cannot file travel with their authority's package.</summary>
public class EvaluationExplanationTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AnExplanationAppearsInTheMinistrysViewOfThatAuthoritysPackageOnly()
    {
        await using var broker = await BrokerProbe<EvaluationExplanationFiled>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}",
            TestScans.Content(TestScans.Pdf("Stamped summary table")))).StatusCode);
        var explanation = new EvaluationExplanationFiled(Guid.CreateVersion7(), campaign, "130000", 2, DemonstrationCategory.Enterprise,
            "河北某某已注销公司", "91130000MA0000000X", BusinessStatus.Cancelled, new DateOnly(2022, 11, 30), "企业已于 2022 年注销",
            new string('e', 64), "authority-officer:officer-hebei", DateTimeOffset.UtcNow);
        var elsewhere = explanation with { DemonstrationId = Guid.CreateVersion7(), AuthorityCode = "440300", Name = "深圳某某停业公司" };

        var messageId = Guid.CreateVersion7();
        await broker.PublishAsync(explanation, messageId);
        await broker.PublishAsync(explanation, messageId);
        await broker.PublishAsync(elsewhere, Guid.CreateVersion7());

        var ministry = app.ClientFor(TestUsers.Ministry);
        var details = await Eventually.GetAsync(async () =>
        {
            var package = await ministry.GetFromJsonAsync<PackageDetails>($"/api/v1/packages/130000?campaignId={campaign}", ApiJson.Options);
            return package?.Explanations is { Count: > 0 } ? package : null;
        });
        var shown = Assert.Single(details.Explanations!);
        Assert.Equal((explanation.DemonstrationId, BusinessStatus.Cancelled, "企业已于 2022 年注销", explanation.DocumentSha256),
            (shown.DemonstrationId, shown.Status, shown.Reason, shown.DocumentSha256));
        await using var query = app.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(EvaluationExplanation.IdFor(campaign, explanation.DemonstrationId)));
    }

    [Fact]
    public async Task AnExplanationFiledBeforeTheAuthorityUploadedAnythingShowsInTheMinistrysViewAndTheOverviewCountsIt()
    {
        await using var broker = await BrokerProbe<EvaluationExplanationFiled>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var demonstration = Guid.CreateVersion7();
        var document = Guid.CreateVersion7();
        var path = $"/api/v1/demonstrations/{demonstration}/filing/documents/{document}?campaignId={campaign}";
        await broker.PublishAsync(new EvaluationExplanationFiled(demonstration, campaign, "150000", 1, DemonstrationCategory.Enterprise,
            "内蒙古某某吊销公司", "91150000MA0000000X", BusinessStatus.Revoked, new DateOnly(2022, 3, 1), "营业执照已被吊销",
            new string('f', 64), "authority-officer:officer-neimenggu", DateTimeOffset.UtcNow, document, path), Guid.CreateVersion7());

        var ministry = app.ClientFor(TestUsers.Ministry);
        var details = await Eventually.GetAsync(async () =>
        {
            var response = await ministry.GetAsync($"/api/v1/packages/150000?campaignId={campaign}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<PackageDetails>(ApiJson.Options) : null;
        });

        Assert.Equal((PackageStatus.Open, 0), (details.Package.Status, details.Documents.Count));
        var shown = Assert.Single(details.Explanations!);
        Assert.Equal((document, path, false), (shown.DocumentId, shown.DocumentUrl, shown.FiledAfterSubmission));
        var overview = await ministry.GetFromJsonAsync<List<AuthorityPackageStatus>>($"/api/v1/packages?campaignId={campaign}", ApiJson.Options);
        Assert.Equal(1, overview!.Single(a => a.AuthorityCode == "150000").Explanations);
        Assert.Equal(0, overview!.Single(a => a.AuthorityCode == "130000").Explanations);
        // An authority with neither a package nor an explanation still has no package to show.
        Assert.Equal(HttpStatusCode.NotFound, (await ministry.GetAsync($"/api/v1/packages/140000?campaignId={campaign}")).StatusCode);
    }

    [Fact]
    public void AnExplanationFiledAfterThePackageWasSubmittedIsMarkedLateUntilThePackageIsReturned()
    {
        var campaign = Guid.CreateVersion7();
        var submittedAt = new DateTimeOffset(2023, 5, 20, 10, 0, 0, TimeSpan.FromHours(8));
        var package = new RecommendationPackage(RecommendationPackage.IdFor(campaign, "130000"), campaign, "130000", PackageStatus.Submitted,
            new string('a', 64), Guid.CreateVersion7(), [], new string('b', 64), submittedAt, null);
        var explanation = new EvaluationExplanation(Guid.CreateVersion7(), campaign, "130000", Guid.CreateVersion7(), 2, "河北某某已注销公司", null,
            BusinessStatus.Cancelled, new DateOnly(2022, 11, 30), "已注销", new string('e', 64), submittedAt.AddHours(1));

        Assert.True(explanation.AsSeenWith(package).FiledAfterSubmission);
        Assert.True(explanation.AsSeenWith(package with { Status = PackageStatus.Acknowledged }).FiledAfterSubmission);
        Assert.False((explanation with { FiledAt = submittedAt.AddHours(-1) }).AsSeenWith(package).FiledAfterSubmission);
        Assert.False(explanation.AsSeenWith(package with { Status = PackageStatus.Returned }).FiledAfterSubmission);
        Assert.False(explanation.AsSeenWith(null).FiledAfterSubmission);
    }
}
