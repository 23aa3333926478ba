using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public class CampaignsApiTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task TheFifthBatchIsSeededAndALaterCampaignOpensOnlyOnceItIsClosed()
    {
        var ministry = app.ClientFor(TestUsers.Ministry);
        var current = await ministry.GetFromJsonAsync<Campaign>("/api/v1/campaigns/current", ApiJson.Options);
        Assert.Equal((FifthBatch2023.Id, 2023, 5), (current!.Id, current.Year, current.Batch));

        var sixth = new
        {
            year = 2024, batch = 6, name = "2024年第六批服务型制造示范遴选", eligibilityWindowStart = "2022-01-01",
            platformMinimumOperatingYears = 2, enterpriseServiceRevenueShare = 0.3,
            deadlines = new { contactPersons = "2024-03-20", applications = "2024-05-31", recommendations = "2024-05-31", evaluationMaterial = "2024-05-31" },
            quotas = FifthBatch2023.Command.Quotas,
        };
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync("/api/v1/campaigns", sixth, ApiJson.Options),
            HttpStatusCode.Conflict, CampaignRules.OneOpenAtATime.Code);

        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsync($"/api/v1/campaigns/{FifthBatch2023.Id}/closure", null)).StatusCode);
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync("/api/v1/applications",
            new { category = "enterprise", organisationName = "某公司", creditCode = "914403001922038216", authorityCode = "440300" }),
            HttpStatusCode.UnprocessableEntity, ApplicationRules.NoOpenCampaign.Code);

        var opened = await ministry.PostAsJsonAsync("/api/v1/campaigns", sixth, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var campaign = (await opened.Content.ReadFromJsonAsync<Campaign>(ApiJson.Options))!;
        var draft = await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync("/api/v1/applications",
            new { category = "enterprise", organisationName = "某公司", creditCode = "914403001922038216", authorityCode = "440300" });
        Assert.Equal(campaign.Id, (await draft.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!.CampaignId);
    }

    [Fact]
    public async Task OnlyTheMinistryOpensCampaigns() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsJsonAsync("/api/v1/campaigns", new { })).StatusCode);
}
