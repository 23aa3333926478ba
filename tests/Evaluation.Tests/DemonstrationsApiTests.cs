using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Evaluation;

public class DemonstrationsApiTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    readonly HttpClient client = app.ClientFor(TestUsers.Ministry);

    [Fact]
    public async Task AnEnrolledDemonstrationIsOnTheRosterAndPublished()
    {
        await using var broker = await BrokerProbe<Published.DemonstrationEnrolled>.StartAsync(app);

        var response = await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 3, category = "city", name = "厦门市", mode = "comprehensive", authorityCode = "350200" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var enrolled = (await response.Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!;
        var read = await client.GetFromJsonAsync<DemonstrationDetails>($"/api/v1/demonstrations/{enrolled.Id}", ApiJson.Options);
        Assert.Equal(enrolled, read);
        var roster = await client.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=3", ApiJson.Options);
        Assert.Contains(roster!, d => d.Id == enrolled.Id);
        var message = await broker.WaitForAsync(m => m.DemonstrationId == enrolled.Id);
        Assert.Equal(("厦门市", Published.DemonstrationCategory.City), (message.Message.Name, message.Message.Category));
    }

    [Fact]
    public async Task OnlyTheMinistryEnrollsAndAnOfficerSeesItsOwnAuthoritysDemonstrationsOnly()
    {
        var enrolled = (await (await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 1, category = "enterprise", name = "深圳某某电子有限公司", creditCode = "914403001922038216", authorityCode = "440300" }))
            .Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!;

        var officer = app.ClientFor(TestUsers.ShenzhenOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 1, category = "city", name = "深圳市", authorityCode = "440300" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/demonstrations/{enrolled.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).GetAsync($"/api/v1/demonstrations/{enrolled.Id}")).StatusCode);
        var hebeiRoster = await app.ClientFor(TestUsers.HebeiOfficer).GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations", ApiJson.Options);
        Assert.All(hebeiRoster!, d => Assert.Equal("130000", d.AuthorityCode));
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.HebeiOfficer).GetAsync("/api/v1/demonstrations?authorityCode=440300"),
            HttpStatusCode.Forbidden, "own-authority-only");
        var shenzhenRoster = await officer.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?authorityCode=440300", ApiJson.Options);
        Assert.Contains(shenzhenRoster!, d => d.Id == enrolled.Id);
    }

    [Fact]
    public async Task AFifthBatchDemonstrationIsRefusedByRuleAndNothingIsStored()
    {
        var before = await app.EventCountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 5, category = "enterprise", name = "某某公司", creditCode = "914403001922038216", authorityCode = "440300" });

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, DemonstrationRules.EarlierBatchesOnly.Code);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task AnEnterpriseWithoutAValidCreditCodeIsRefused()
    {
        var response = await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 2, category = "enterprise", name = "某某公司", creditCode = "91440300192203821X", authorityCode = "440300" });

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _));
    }
}
