using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class AuditTrailTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    readonly HttpClient auditor = app.ClientFor(TestUsers.Auditor);

    [Fact]
    public Task MartensSessionsWorkAsTheServicesOwnRole() => app.AssertTheStoreWorksAsTheServicesRoleAsync();

    [Fact]
    public async Task AnAuthoritysListsAsOfAPastInstantAreWhatTheListEndpointAnsweredThen()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var first = await app.SubmittedAsync(broker, campaign, "河北某某审计甲有限公司");
        var second = await app.SubmittedAsync(broker, campaign, "河北某某审计乙有限公司");
        foreach (var id in new[] { first, second }) await app.PassAndStampAsync(broker, id);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = first })).StatusCode);
        var before = JsonNode.Parse(await hebei.GetStringAsync($"/api/v1/recommendations?campaignId={campaign}"))!;
        var noted = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = second })).StatusCode);

        var asOf = JsonNode.Parse(await auditor.GetStringAsync(
            $"/api/v1/audit/review/authorities/130000/as-of?campaignId={campaign}&at={Uri.EscapeDataString(noted.ToString("O"))}"))!;
        Assert.Equal(before.ToJsonString(), asOf["lists"]!.ToJsonString());
        Assert.Null(asOf["package"]);

        // The list's events are in the history of each application on it, and in the history of the officers' authority.
        var history = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/review/history/applications/{first}", ApiJson.Options);
            return entries!.Any(e => e.EventType == "application_recommended") ? entries : null;
        });
        var recommended = history.Single(e => e.EventType == "application_recommended");
        Assert.Equal((TestUsers.HebeiOfficer.Subject, PlatformRoles.AuthorityOfficer, "130000"),
            (recommended.ActorSubject, recommended.ActorRole, recommended.ActorAuthority));
        Assert.Contains("initial_review_passed", history.Select(e => e.EventType));
        // The history is indexed by the daemon, so the second recommendation may appear a moment after the first.
        var officers = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>(
                $"/api/v1/audit/review/history/authorities/130000?eventType=application_recommended", ApiJson.Options);
            return entries!.Count(e => e.Applications.Contains(first) || e.Applications.Contains(second)) >= 2 ? entries : null;
        });
        Assert.Equal(2, officers.Count(e => e.Applications.Contains(first) || e.Applications.Contains(second)));
    }

    [Fact]
    public async Task AsOfWithoutCampaignOrInstantIsRefused()
    {
        var response = await auditor.GetAsync("/api/v1/audit/review/authorities/130000/as-of");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
