using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Ranked lists and packages carry their version as the ETag; If-Match on a change holds it to the version the client read.</summary>
public class ListAndPackageVersionTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AListChangedSinceTheOfficerReadItIsRefusedWith412AndTheListAsItNowStands()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var first = await app.SubmittedAsync(broker, campaign, "河北某某版本甲有限公司");
        var second = await app.SubmittedAsync(broker, campaign, "河北某某版本乙有限公司");
        foreach (var id in new[] { first, second }) await app.PassAndStampAsync(broker, id);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);

        var recommended = await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = first });
        Assert.Equal(HttpStatusCode.OK, recommended.StatusCode);
        Assert.Equal("\"1\"", recommended.Headers.ETag!.Tag);
        Assert.Equal(1, (await recommended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        var atOne = recommended.Headers.ETag;

        var again = await Send(hebei, HttpMethod.Post, "/api/v1/recommendations", new { applicationId = second }, atOne);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"2\"", again.Headers.ETag!.Tag);

        // Another officer's change (the second entry) since version 1: reordering and removing at version 1 are refused.
        foreach (var stale in new[]
        {
            await Send(hebei, HttpMethod.Put, "/api/v1/recommendations/enterprises/order", new { campaignId = campaign, order = new[] { second, first } }, atOne),
            await Send(hebei, HttpMethod.Delete, $"/api/v1/recommendations/{first}", null, atOne),
            await Send(hebei, HttpMethod.Post, "/api/v1/recommendations", new { applicationId = second }, atOne),
        })
        {
            var problem = await ApiJson.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
            Assert.Equal("\"2\"", stale.Headers.ETag!.Tag);
            Assert.Equal([first, second], problem.GetProperty("current").GetProperty("entries").EnumerateArray()
                .Select(e => e.GetProperty("applicationId").GetGuid()));
        }

        var reordered = await Send(hebei, HttpMethod.Put, "/api/v1/recommendations/enterprises/order",
            new { campaignId = campaign, order = new[] { second, first } }, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal("\"3\"", reordered.Headers.ETag!.Tag);
        var removed = await Send(hebei, HttpMethod.Delete, $"/api/v1/recommendations/{first}", null, reordered.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("\"4\"", removed.Headers.ETag!.Tag);
        var lists = await hebei.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations?campaignId={campaign}");
        Assert.Equal(4, lists.EnumerateArray().Single().GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task APackageStepAtAStaleVersionIsRefusedWith412AndAtTheCurrentOneGoesThrough()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var enterprise = await app.SubmittedAsync(broker, campaign, "河北某某报送版本有限公司");
        await app.PassAndStampAsync(broker, enterprise);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = enterprise })).StatusCode);
        var scan = TestScans.Content(TestScans.Pdf("Stamped summary table"));
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", scan)).StatusCode);
        var read = await hebei.GetAsync($"/api/v1/packages/130000?campaignId={campaign}");
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("package").GetProperty("version").GetInt64());

        var stale = await Send(hebei, HttpMethod.Post, "/api/v1/packages/submission", new { campaignId = campaign }, new EntityTagHeaderValue("\"7\""));
        var problem = await ApiJson.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
        Assert.Equal("open", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal("\"1\"", stale.Headers.ETag!.Tag);

        var submitted = await Send(hebei, HttpMethod.Post, "/api/v1/packages/submission", new { campaignId = campaign }, read.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("\"2\"", submitted.Headers.ETag!.Tag);

        var ministry = app.ClientFor(TestUsers.Ministry);
        await ApiJson.AssertProblemAsync(await Send(ministry, HttpMethod.Post, "/api/v1/packages/130000/acknowledgement", new { campaignId = campaign },
            read.Headers.ETag), HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
        var returned = await Send(ministry, HttpMethod.Post, "/api/v1/packages/130000/return", new { campaignId = campaign, reason = "汇总表未盖章" },
            submitted.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("\"3\"", returned.Headers.ETag!.Tag);
        Assert.Equal("returned", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        // The return opened the lists again, in the same write.
        var lists = await hebei.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations?campaignId={campaign}");
        Assert.All(lists.EnumerateArray(), l => Assert.False(l.GetProperty("submitted").GetBoolean()));
    }

    static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string uri, object? body, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(ifMatch);
        return await client.SendAsync(request);
    }
}
