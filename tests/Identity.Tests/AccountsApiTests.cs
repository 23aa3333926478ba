using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.ServiceDefaults.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Identity;

public class AccountsApiTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task AnApplicantRegistersItselfBoundToItsOrganisationsCreditCode()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "Applicant.One", password = "Strong-Password-1", displayName = "深圳某某智能制造有限公司",
            creditCode = "914403001922038216", role = "ministry-officer", // a self-registration is an applicant, whatever it asks
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = (await response.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!;
        Assert.Equal(("applicant.one", PlatformRoles.Applicant, "914403001922038216"), (account.UserName, account.Role, account.CreditCode));
        Assert.DoesNotContain("Strong-Password-1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARegistrationWithABadCreditCodeOrWeakPasswordNamesEachFieldAndStoresNothing()
    {
        var before = await app.EventCountAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "x", password = "short", displayName = "某公司", creditCode = "914403001922038217",
        });

        var errors = (await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("creditCode", out _));
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task AUserNameIsTakenOnce()
    {
        var body = new { userName = "taken.once", password = "Strong-Password-1", displayName = "某公司", creditCode = "914403001922038216" };
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", body)).StatusCode);

        await ApiJson.AssertProblemAsync(await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", body),
            HttpStatusCode.Conflict, AccountRules.UserNameTaken.Code);
    }

    [Fact]
    public async Task TheMinistryCreatesAnOfficerBoundToItsAuthority()
    {
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "officer.jiangsu", password = "Strong-Password-1", displayName = "江苏省工业和信息化厅",
            role = "authority-officer", authorityCode = "320000",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = (await response.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!;
        Assert.Equal(("320000", PlatformRoles.AuthorityOfficer), (account.AuthorityCode, account.Role));
    }

    [Fact]
    public async Task AnOfficerAccountNeedsOneOfTheThirtySevenAuthorities()
    {
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "officer.nowhere", password = "Strong-Password-1", displayName = "某厅", role = "authority-officer", authorityCode = "990000",
        });

        var errors = (await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("authorityCode", out _));
    }

    [Fact]
    public async Task TheFirstMinistryAccountComesFromConfiguration()
    {
        var accounts = app.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<AccountOperations>();

        var admin = await accounts.SignInAsync("ministry-admin", IdentityApp.AdministratorPassword, CancellationToken.None);

        Assert.Equal(PlatformRoles.MinistryOfficer, admin?.Role);
    }

    [Fact]
    public async Task OneUserSigningInSeveralTimesAtOnceIsSignedInEachTime()
    {
        // Two browser tabs, or a double click: each sign-in is an event on the same account stream.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AccountOperations>()
                .SignInAsync("ministry-admin", IdentityApp.AdministratorPassword, CancellationToken.None);
        }));

        Assert.All(attempts, account => Assert.Equal(PlatformRoles.MinistryOfficer, account?.Role));
    }

    [Fact]
    public async Task TheMinistryResetsAPasswordAndOnlyTheNewOneSignsIn()
    {
        var created = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "expert.wang", password = "First-Password-1", displayName = "王评审", role = "expert",
        });
        var account = (await created.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!;

        var reset = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync($"/api/v1/accounts/{account.Id}/password",
            new { newPassword = "Second-Password-2" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountOperations>();
        Assert.Null(await accounts.SignInAsync("expert.wang", "First-Password-1", CancellationToken.None));
        Assert.NotNull(await accounts.SignInAsync("expert.wang", "Second-Password-2", CancellationToken.None));
    }

    [Fact]
    public async Task ChangingOnesOwnPasswordNeedsTheCurrentOne()
    {
        var created = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "changes.own", password = "First-Password-1", displayName = "某公司", creditCode = "914403001922038216",
        });
        var account = (await created.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!;
        var self = app.ClientFor(account.ToUser());

        await ApiJson.AssertProblemAsync(await self.PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = "Not-My-Password-1", newPassword = "Second-Password-2" }), HttpStatusCode.BadRequest, AccountRules.WrongPassword.Code);
        Assert.Equal(HttpStatusCode.NoContent, (await self.PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = "First-Password-1", newPassword = "Second-Password-2" })).StatusCode);
    }

    /// <summary>Who may call each of Identity's endpoints. A new endpoint fails the test until it is added here.</summary>
    static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET /alive"] = [Anonymous],
        ["GET /health"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /account/sign-in"] = [Anonymous],
        ["POST /account/sign-in"] = [Anonymous],
        ["GET /connect/authorize"] = [Anonymous],
        ["POST /connect/authorize"] = [Anonymous],
        ["POST /connect/token"] = [Anonymous],
        ["GET /connect/logout"] = [Anonymous],
        ["POST /connect/logout"] = [Anonymous],
        ["POST /api/v1/accounts/applicants"] = [Anonymous],
        ["POST /api/v1/accounts/"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/accounts/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/identity/history/applications/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/identity/history/authorities/{authorityCode}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/identity/history/users/{subject}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/identity/event-chain"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/audit/identity/events/{eventId:guid}/masking"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/identity/projections"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/audit/identity/projections/{projection}/rebuilds"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/identity/projections/{projection}/rebuilds/{rebuildId:guid}"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/operations/identity/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/identity/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/accounts/me"] = [SignedIn],
        ["GET /api/v1/accounts/{accountId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/accounts/me/password"] = [SignedIn],
        ["POST /api/v1/accounts/{accountId:guid}/password"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/organisation-bindings/"] = [PlatformRoles.Applicant],
        ["GET /api/v1/organisation-bindings/"] = [PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer,
            PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/organisation-bindings/{bindingId:guid}"] = [PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer,
            PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/organisation-bindings/{bindingId:guid}/licence"] = [PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer,
            PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/organisation-bindings/{bindingId:guid}/approval"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer],
        ["POST /api/v1/organisation-bindings/{bindingId:guid}/refusal"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer],
        ["GET /api/v1/organisations/{creditCode}/members/"] = [PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer,
            PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/organisations/{creditCode}/members/"] = [PlatformRoles.Applicant],
        ["POST /api/v1/organisations/{creditCode}/members/{accountId:guid}/removal"] = [PlatformRoles.Applicant,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer],
        ["POST /api/v1/experts/"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/experts/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/experts/me"] = [PlatformRoles.Expert],
        ["PUT /api/v1/experts/me/available-dates"] = [PlatformRoles.Expert],
        ["GET /api/v1/experts/{accountId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["PUT /api/v1/experts/{accountId:guid}/profile"] = [PlatformRoles.MinistryOfficer],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
