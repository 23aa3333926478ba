using System.Net;
using System.Text.Json.Nodes;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>A campaign Registration opened that has not reached Review yet: "not yet, try again", as the document says.</summary>
public class CampaignLagTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task ACampaignNotYetKnownIs409WithRetryAfterAndTheOperationDeclaresBoth()
    {
        var response = await app.ClientFor(TestUsers.HebeiOfficer)
            .GetAsync($"/api/v1/recommendations/summary-table?campaignId={Guid.CreateVersion7()}&authorityCode=130000");

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.Conflict, ReviewCampaignRules.Unknown.Code);
        Assert.Equal(TimeSpan.FromSeconds(ReviewCampaignRules.Unknown.RetryAfterSeconds!.Value), response.Headers.RetryAfter?.Delta);
        var operation = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!["paths"]!["/api/v1/recommendations/summary-table"]!["get"]!;
        Assert.NotNull(operation["responses"]!["409"]!["headers"]!["Retry-After"]);
        Assert.Contains("campaign-not-yet-known", operation["description"]!.GetValue<string>());
    }
}
