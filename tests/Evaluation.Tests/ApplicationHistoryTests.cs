using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>Evaluation's part of an application's timeline: the demonstration selected from it, and the filings about that demonstration.</summary>
public class ApplicationHistoryTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public async Task ADemonstrationSelectedFromAnApplicationAndItsFilingsAreInThatApplicationsHistory()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var application = Guid.CreateVersion7();
        var name = "深圳某某选自申报" + Random.Shared.Next(100000) + "有限公司";
        await using (var review = await BrokerProbe<DemonstrationSelected>.StartAsync(app))
            await review.PublishAsync(new DemonstrationSelected(application, Guid.CreateVersion7(), 4, 2021, ApplicationCategory.Enterprise, null,
                "customization", name, NewCreditCode(), "440300", DateTimeOffset.UtcNow), Guid.CreateVersion7());
        var ministry = app.ClientFor(TestUsers.Ministry);
        var demonstration = await Eventually.GetAsync(async () =>
            (await ministry.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=4", ApiJson.Options))!
                .FirstOrDefault(d => d.Name == name));
        var explained = await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync($"/api/v1/demonstrations/{demonstration.Id}/filing/explanation", new MultipartFormDataContent
        {
            { new StringContent(campaign.ToString()), "campaignId" },
            { new StringContent("cancelled"), "status" },
            { new StringContent("2022-11-30"), "statusDate" },
            { new StringContent("企业已于 2022 年注销"), "reason" },
            { TestScans.Content(TestScans.Pdf("Certificate of cancellation")), "document", "cancellation.pdf" },
        });
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);

        var auditor = app.ClientFor(TestUsers.Auditor);
        var history = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/evaluation/history/applications/{application}", ApiJson.Options);
            return entries!.Any(e => e.EventType == "cannot_file_explained") ? entries : null;
        });
        Assert.Equal(demonstration.Id, history.Single(e => e.EventType == "demonstration_enrolled").StreamId);
        Assert.Equal(demonstration.Id, history.Single(e => e.EventType == "cannot_file_explained").AboutStream);
        Assert.Empty(await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/evaluation/history/applications/{Guid.CreateVersion7()}", ApiJson.Options) ?? []);
    }
}
