using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Outcomes;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

public class OutcomesApiTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    readonly HttpClient ministry = app.ClientFor(TestUsers.Ministry);

    [Fact]
    public async Task OutcomesArePublishedAndExportToAnXlsxThatReadsBackWithTheSameRows()
    {
        await using var registration = await BrokerProbe<DemonstrationEvaluated>.StartAsync(app);
        var city = await EnrollAsync(app, new { batch = 4, category = "city", name = "某某" + Random.Shared.Next(100000) + "市", authorityCode = "130000", year = 2022 });
        var enterprise = await EnrollAsync(app, new { batch = 4, category = "enterprise", name = "戊公司", creditCode = NewCreditCode(), authorityCode = "130000", year = 2022 });

        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/demonstrations/{enterprise.Id}/outcome",
            new { outcome = "needsRectification", reasons = "服务收入下降" }), HttpStatusCode.UnprocessableEntity, DemonstrationRules.RectificationDueRequired.Code);
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/demonstrations/{enterprise.Id}/outcome",
            new { outcome = "needsRectification", reasons = "服务收入下降", rectificationDue = "2023-12-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/demonstrations/{city.Id}/outcome",
            new { outcome = "titleRevoked", reasons = "未开展示范工作" })).StatusCode);
        var revoked = await registration.WaitForAsync(m => m.DemonstrationId == city.Id);
        Assert.Equal(EvaluationOutcome.TitleRevoked, revoked.Message.Outcome);

        var export = await ministry.GetAsync("/api/v1/demonstrations/outcomes?batch=4&authorityCode=130000");
        Assert.Equal(Spreadsheet.ContentType, export.Content.Headers.ContentType?.MediaType);
        var read = Spreadsheet.Read(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));

        var roster = await ministry.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=4&authorityCode=130000", ApiJson.Options);
        Assert.Equal(OutcomeTable.Rows(roster!), read.Select(r => r.Cells).ToList());
        Assert.Equal(OutcomeTable.Headers, read[0].Cells);
        Assert.Contains(read, r => r.Cells.Contains("限期整改") && r.Cells.Contains("2023-12-31") && r.Cells.Contains("戊公司"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(TestUsers.ShenzhenOfficer).GetAsync("/api/v1/demonstrations/outcomes?authorityCode=130000")).StatusCode);
    }

    [Fact]
    public async Task ASelectionFromReviewJoinsTheRosterOnceAndIsToldToRegistration()
    {
        await using var review = await BrokerProbe<DemonstrationSelected>.StartAsync(app);
        await using var registration = await BrokerProbe<ServiceManufacturing.Contracts.DemonstrationEnrolled>.StartAsync(app);
        var name = "某某" + Random.Shared.Next(100000) + "市";
        var selected = new DemonstrationSelected(Guid.CreateVersion7(), Guid.CreateVersion7(), 5, 2023, ApplicationCategory.City, "comprehensive", null,
            name, null, "130000", DateTimeOffset.UtcNow);

        await review.PublishAsync(selected, Guid.CreateVersion7());
        await review.PublishAsync(selected, Guid.CreateVersion7());
        var enrolled = await registration.WaitForAsync(m => m.Name == name);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal((5, DemonstrationCategory.City), (enrolled.Message.Batch, enrolled.Message.Category));
        var roster = await ministry.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=5", ApiJson.Options);
        var demonstration = Assert.Single(roster!, d => d.Name == name);
        await using var query = app.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(demonstration.Id)); // each test class's service hears it too, in its own schema

    }
}
