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
}
