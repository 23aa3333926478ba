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
    public async Task TheMinistryWithdrawsAnEntryMadeInErrorWhichLeavesTheRosterAndIsPublished()
    {
        await using var broker = await BrokerProbe<Published.DemonstrationWithdrawn>.StartAsync(app);
        var city = "误录" + Random.Shared.Next(100000, 999999) + "市";
        var enrolled = (await (await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 2, category = "city", name = city, authorityCode = "350200" })).Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!;
        var path = $"/api/v1/demonstrations/{enrolled.Id}/withdrawal";

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsJsonAsync(path, new { reason = "录错" })).StatusCode);
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync(path, new { reason = "" }),
            HttpStatusCode.UnprocessableEntity, DemonstrationRules.WithdrawalReasonRequired.Code);
        var response = await client.PostAsJsonAsync(path, new { reason = "该市属第三批，误录为第二批" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var withdrawn = (await response.Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!;
        Assert.Equal("该市属第三批，误录为第二批", withdrawn.WithdrawalReason);
        Assert.NotNull(withdrawn.WithdrawnAt);
        var message = await broker.WaitForAsync(m => m.DemonstrationId == enrolled.Id);
        Assert.Equal((city, "该市属第三批，误录为第二批"), (message.Message.Name, message.Message.Reason));
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=2", ApiJson.Options) ?? [],
            d => d.Id == enrolled.Id);
        Assert.Contains(await client.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations?batch=2&withdrawn=true", ApiJson.Options) ?? [],
            d => d.Id == enrolled.Id);
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync(path, new { reason = "再撤" }), HttpStatusCode.Conflict, DemonstrationRules.Withdrawn.Code);
        var campaign = await EvaluationFixtures.OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var progress = await client.GetFromJsonAsync<List<ServiceManufacturing.Services.Evaluation.Progress.AuthorityProgress>>(
            $"/api/v1/demonstrations/progress?campaignId={campaign}&authorityCode=350200", ApiJson.Options);
        Assert.DoesNotContain(progress!.SelectMany(a => a.Demonstrations), d => d.DemonstrationId == enrolled.Id);
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 2, category = "city", name = city, authorityCode = "350200" }), HttpStatusCode.Conflict, DemonstrationRules.Withdrawn.Code);
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
    public async Task AYearSelectedBeforeItsBatchOrAfterThisYearIsRefusedOnEntryAndOnCorrectionAsTheImportRefusesIt()
    {
        var thisYear = ServiceManufacturing.Contracts.ChinaTime.DayOf(app.Clock.GetUtcNow()).Year;
        await ApiJson.AssertNamesFieldAsync(await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 3, category = "city", name = "泉州市", mode = "comprehensive", authorityCode = "350000", year = 2018 }), "year");
        await ApiJson.AssertNamesFieldAsync(await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 1, category = "city", name = "泉州市", mode = "comprehensive", authorityCode = "350000", year = thisYear + 1 }), "year");
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations", ApiJson.Options) ?? [],
            d => d.Name == "泉州市");

        var enrolled = await client.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 3, category = "city", name = "泉州市", mode = "comprehensive", authorityCode = "350000", year = 2019 });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var id = (await enrolled.Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!.Id;
        await ApiJson.AssertNamesFieldAsync(await client.PostAsJsonAsync($"/api/v1/demonstrations/{id}/correction",
            new { name = "泉州市", authorityCode = "350000", year = 2017, mode = "comprehensive" }), "year");
        Assert.Equal(2019, (await client.GetFromJsonAsync<DemonstrationDetails>($"/api/v1/demonstrations/{id}", ApiJson.Options))!.Year);
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
