using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.Experts;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>The expert pool: the ministry creates experts and keeps their profiles, an expert his dates; each change is published.</summary>
public class ExpertsApiTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    static object ProfileBody(string name = "王评审", string authority = "310000") => new
    {
        name, organisation = "上海某某大学", creditCode = "121100004000000115", authorityCode = authority,
        serviceModes = new[] { "customization", "supplyChainManagement" }, cityClasses = new[] { "comprehensive" },
        availableDates = new[] { "2023-07-04", "2023-07-03" },
    };

    [Fact]
    public async Task TheMinistryCreatesAnExpertTheExpertChangesHisDatesAndIdentityPublishesEveryChange()
    {
        await using var broker = await BrokerProbe<ExpertProfileChanged>.StartAsync(app);
        var ministry = app.ClientFor(TestUsers.Ministry);

        var created = await ministry.PostAsJsonAsync("/api/v1/experts", new { userName = "expert.wang", password = "Expert-Password-1", profile = ProfileBody() });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var expert = (await created.Content.ReadFromJsonAsync<ExpertDetails>(ApiJson.Options))!;
        Assert.Equal(("王评审", "310000", true), (expert.Name, expert.AuthorityCode, expert.Active));
        Assert.Equal([new DateOnly(2023, 7, 3), new DateOnly(2023, 7, 4)], expert.AvailableDates);
        var account = (await ministry.GetFromJsonAsync<AccountDetails>($"/api/v1/accounts/{expert.AccountId}", ApiJson.Options))!;
        Assert.Equal(("expert.wang", PlatformRoles.Expert), (account.UserName, account.Role));
        var first = await broker.WaitForAsync(m => m.ExpertSubject == expert.AccountId.ToString());

        // The expert changes only his dates; the ministry changes the rest. Each change carries the whole profile, in order.
        var self = app.ClientFor(new CurrentUser(expert.AccountId.ToString(), "王评审", PlatformRoles.Expert, null, null, null));
        var changed = await self.PutAsJsonAsync("/api/v1/experts/me/available-dates", new { availableDates = new[] { "2023-08-01" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([new DateOnly(2023, 8, 1)], (await changed.Content.ReadFromJsonAsync<ExpertDetails>(ApiJson.Options))!.AvailableDates);
        var second = await broker.WaitForAsync(m => m.ExpertSubject == expert.AccountId.ToString() && m.AvailableDates.Count == 1);
        Assert.Equal(("上海某某大学", "310000"), (second.Message.Organisation, second.Message.AuthorityCode));
        Assert.True(second.Message.Sequence > first.Message.Sequence);

        Assert.Equal(HttpStatusCode.OK, (await ministry.PutAsJsonAsync($"/api/v1/experts/{expert.AccountId}/profile", ProfileBody(authority: "320000"))).StatusCode);
        var third = await broker.WaitForAsync(m => m.ExpertSubject == expert.AccountId.ToString() && m.AuthorityCode == "320000");
        Assert.True(third.Message.Sequence > second.Message.Sequence);
        Assert.Equal("320000", (await self.GetFromJsonAsync<ExpertDetails>("/api/v1/experts/me", ApiJson.Options))!.AuthorityCode);
        Assert.Contains((await ministry.GetFromJsonAsync<List<ExpertDetails>>("/api/v1/experts", ApiJson.Options))!, e => e.AccountId == expert.AccountId);
    }

    [Fact]
    public async Task AProfileWithBadFieldsIsRefusedFieldByFieldAndNothingIsStored()
    {
        var before = await app.EventCountAsync();
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/experts", new
        {
            userName = "expert.bad", password = "Expert-Password-1",
            profile = new { name = "", organisation = "某大学", creditCode = "123", authorityCode = "999999", serviceModes = new[] { "astrology" }, cityClasses = Array.Empty<string>() },
        });
        var errors = (await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        foreach (var field in new[] { "name", "creditCode", "authorityCode", "serviceModes" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task OnlyAnExpertAccountGetsAProfileAndAnExpertWithoutOneHasNoDates()
    {
        var applicant = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "not.an.expert", password = "Strong-Password-1", displayName = "某公司", creditCode = "914403001922038216",
        });
        var id = (await applicant.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!.Id;
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Ministry).PutAsJsonAsync($"/api/v1/experts/{id}/profile", ProfileBody()),
            HttpStatusCode.UnprocessableEntity, ExpertRules.NotAnExpertAccount.Code);
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Ministry).PutAsJsonAsync($"/api/v1/experts/{Guid.CreateVersion7()}/profile", ProfileBody()),
            HttpStatusCode.NotFound, ExpertRules.NotFound.Code);
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Expert with { Subject = Guid.CreateVersion7().ToString() })
            .PutAsJsonAsync("/api/v1/experts/me/available-dates", new { availableDates = new[] { "2023-08-01" } }), HttpStatusCode.NotFound, ExpertRules.NotFound.Code);
    }
}
