using System.Net;
using System.Text.Json;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class ProjectionRebuildTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task ReviewCasesRebuiltFromTheirEventsAreTheCasesAsTheyWere()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var passed = await app.SubmittedAsync(broker, campaign, "河北某某重建甲有限公司");
        await app.SubmittedAsync(broker, campaign, "河北某某重建乙有限公司");
        await app.PassAndStampAsync(broker, passed);
        var live = await CasesJsonAsync();
        Assert.Contains("\"stampedFormSha256\":\"dddd", live);

        var rebuilt = await app.ClientFor(TestUsers.Ministry).PostAsync("/api/v1/audit/review/projections/ReviewCaseDetails/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.Equal(live, await CasesJsonAsync());
    }

    async Task<string> CasesJsonAsync()
    {
        await using var session = app.Store.QuerySession();
        var all = await session.Query<ReviewCaseDetails>().OrderBy(d => d.Id).ToListAsync();
        return JsonSerializer.Serialize(all, ApiJson.Options);
    }
}
