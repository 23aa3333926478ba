using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;
using ServiceManufacturing.Services.Identity.Organisations;
using ServiceManufacturing.Tests.TestSupport;
using MessageHeaders = ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>
/// A credit code is public, so an account is bound to its organisation only once the organisation's authority has
/// checked its business licence and holder; members invite and remove colleagues; Registration hears of each.
/// </summary>
public class OrganisationsApiTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    static int organisations;

    [Fact]
    public async Task TheAuthorityOfTheRegistrationDivisionApprovesABindingAndRegistrationHearsOfIt()
    {
        await using var probe = await BrokerProbe<OrganisationMemberVerified>.StartAsync(app);
        var applicant = await RegisterAsync(NewCreditCode("440300"));
        var scan = TestScans.Pdf("Business licence " + applicant.Subject);

        var requested = await RequestBindingAsync(applicant, scan);

        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var binding = (await requested.Content.ReadFromJsonAsync<BindingRequestDetails>(ApiJson.Options))!;
        Assert.Equal((BindingStatus.Pending, "440300", "李明"), (binding.Status, binding.AuthorityCode, binding.HolderName));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), binding.Licence!.Sha256);

        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await hebei.GetAsync($"/api/v1/organisation-bindings/{binding.Id}")).StatusCode);
        Assert.DoesNotContain(binding.Id, await WorklistAsync(hebei));
        await ApiJson.AssertProblemAsync(await hebei.PostAsync($"/api/v1/organisation-bindings/{binding.Id}/approval", null),
            HttpStatusCode.NotFound, OrganisationRules.BindingNotFound.Code);

        var shenzhen = app.ClientFor(TestUsers.ShenzhenOfficer);
        Assert.Contains(binding.Id, await WorklistAsync(shenzhen));
        Assert.Equal(scan, await shenzhen.GetByteArrayAsync($"/api/v1/organisation-bindings/{binding.Id}/licence"));
        var approved = await shenzhen.PostAsync($"/api/v1/organisation-bindings/{binding.Id}/approval", null);
        Assert.Equal(BindingStatus.Approved, (await approved.Content.ReadFromJsonAsync<BindingRequestDetails>(ApiJson.Options))!.Status);
        Assert.DoesNotContain(binding.Id, await WorklistAsync(shenzhen));

        var message = await probe.WaitForAsync(m => m.AccountSubject == applicant.Subject);
        Assert.Equal((applicant.CreditCode, "binding-approved"), (message.Message.CreditCode, message.Message.How));
        Assert.True(message.Headers.TryGetHeader(MessageHeaders.EventSequence, out _));
        var members = await app.ClientFor(applicant).GetFromJsonAsync<OrganisationMembers>(
            $"/api/v1/organisations/{applicant.CreditCode}/members", ApiJson.Options);
        Assert.Equal(applicant.Subject, Assert.Single(members!.Members).AccountId.ToString());
    }

    [Fact]
    public async Task ARefusalSaysWhyAndTheAccountMayAskAgain()
    {
        var applicant = await RegisterAsync(NewCreditCode("130100"));
        var binding = await BindingAsync(applicant);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);

        await ApiJson.AssertProblemAsync(await hebei.PostAsJsonAsync($"/api/v1/organisation-bindings/{binding}/refusal", new { reason = " " }),
            HttpStatusCode.BadRequest, "validation");
        var refused = await hebei.PostAsJsonAsync($"/api/v1/organisation-bindings/{binding}/refusal", new { reason = "执照模糊，无法辨认" });
        var details = (await refused.Content.ReadFromJsonAsync<BindingRequestDetails>(ApiJson.Options))!;
        Assert.Equal((BindingStatus.Refused, "执照模糊，无法辨认"), (details.Status, details.Reason));
        await ApiJson.AssertProblemAsync(await hebei.PostAsync($"/api/v1/organisation-bindings/{binding}/approval", null),
            HttpStatusCode.Conflict, OrganisationRules.BindingDecided.Code);

        Assert.Equal(HttpStatusCode.Created, (await RequestBindingAsync(applicant, TestScans.Pdf("clearer scan"))).StatusCode);
        await ApiJson.AssertProblemAsync(await RequestBindingAsync(applicant, TestScans.Pdf("third")), HttpStatusCode.Conflict,
            OrganisationRules.BindingPending.Code);
    }

    [Fact]
    public async Task TheFirstMemberInvitesAColleagueWhoIsBoundAtOnceButCannotInviteItself()
    {
        await using var probe = await BrokerProbe<OrganisationMemberVerified>.StartAsync(app);
        var administrator = await VerifiedAsync(NewCreditCode("440300"));
        var userName = $"colleague.{administrator.CreditCode!.ToLowerInvariant()}";

        var invited = await app.ClientFor(administrator).PostAsJsonAsync($"/api/v1/organisations/{administrator.CreditCode}/members",
            new { userName, password = "Strong-Password-1", holderName = "王芳" });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var account = (await invited.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!;
        Assert.Equal((PlatformRoles.Applicant, administrator.CreditCode), (account.Role, account.CreditCode));
        Assert.Equal("invited", (await probe.WaitForAsync(m => m.AccountSubject == account.Id.ToString())).Message.How);

        var colleague = account.ToUser();
        await ApiJson.AssertProblemAsync(await app.ClientFor(colleague).PostAsJsonAsync($"/api/v1/organisations/{administrator.CreditCode}/members",
            new { userName = userName + ".2", password = "Strong-Password-1", holderName = "赵六" }), HttpStatusCode.Forbidden,
            OrganisationRules.AdministratorOnly.Code);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountOperations>().FindAsync(userName + ".2", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnverifiedAccountWithTheSamePublicCreditCodeSeesNothingOfTheOrganisation()
    {
        var member = await VerifiedAsync(NewCreditCode("440300"));
        var stranger = app.ClientFor(await RegisterAsync(member.CreditCode!));

        await ApiJson.AssertProblemAsync(await stranger.GetAsync($"/api/v1/organisations/{member.CreditCode}/members"),
            HttpStatusCode.NotFound, OrganisationRules.NotFound.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/organisations/{member.CreditCode}/members",
            new { userName = "intruder.one", password = "Strong-Password-1", holderName = "某人" })).StatusCode);
        Assert.Empty(await WorklistAsync(stranger)); // its own requests only: it has made none
    }

    [Fact]
    public async Task AMemberRemovedByItsAuthorityIsNoLongerOneAndRegistrationHearsOfIt()
    {
        await using var probe = await BrokerProbe<ServiceManufacturing.Contracts.OrganisationMemberRemoved>.StartAsync(app);
        var member = await VerifiedAsync(NewCreditCode("440300"));

        var removed = await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsJsonAsync(
            $"/api/v1/organisations/{member.CreditCode}/members/{member.Subject}/removal", new { reason = "营业执照已注销" });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await removed.Content.ReadFromJsonAsync<OrganisationMembers>(ApiJson.Options))!.Members);
        Assert.Equal(member.CreditCode, (await probe.WaitForAsync(m => m.AccountSubject == member.Subject)).Message.CreditCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(member).GetAsync($"/api/v1/organisations/{member.CreditCode}/members")).StatusCode);
    }

    [Fact]
    public async Task ALicenceThatIsNotAScanIsRefusedAndNothingIsStored()
    {
        var applicant = await RegisterAsync(NewCreditCode("440300"));
        var before = await app.EventCountAsync();
        var scans = await app.Services.GetRequiredService<ScanArchive>().CountAsync(CancellationToken.None);

        await ApiJson.AssertProblemAsync(await RequestBindingAsync(applicant, "这不是营业执照"u8.ToArray()), HttpStatusCode.UnprocessableEntity,
            "scan-not-pdf-or-image");
        await ApiJson.AssertProblemAsync(await RequestBindingAsync(applicant, TestScans.Hostile["%PDF- followed by HTML"]), HttpStatusCode.UnprocessableEntity,
            "scan-not-pdf-or-image");
        await ApiJson.AssertProblemAsync(await app.ClientFor(applicant).PostAsJsonAsync("/api/v1/organisation-bindings", new { holderName = "李明" }),
            HttpStatusCode.UnsupportedMediaType, PlatformRules.UnsupportedMediaType.Code);

        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal(scans, await app.Services.GetRequiredService<ScanArchive>().CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("宁波市", "130000", false)] // a separately planned city files through itself
    [InlineData("石家庄市", "330200", false)] // Ningbo's authority files only for Ningbo
    [InlineData("石河子市", "660000", false)] // the XPCC recommends no cities
    [InlineData("石家庄市", "130000", true)]
    [InlineData("宁波市", "330200", true)]
    public async Task ACityAuthorityAccountFilesThroughItsOwnAuthority(string city, string authority, bool allowed)
    {
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = $"city.{Guid.CreateVersion7():N}", password = "Strong-Password-1", displayName = $"{city}工业和信息化局",
            role = "city-authority", authorityCode = authority, city,
        });

        if (allowed) Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        else Assert.True((await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors")
            .TryGetProperty("authorityCode", out _));
    }

    /// <summary>A new, valid credit code of an enterprise registered in <paramref name="division"/>.</summary>
    static string NewCreditCode(string division)
    {
        var head = $"91{division}MA{Interlocked.Increment(ref organisations) + Environment.ProcessId % 1000 * 1000:0000000}";
        return head + CreditCode.CheckCharacter(head);
    }

    async Task<CurrentUser> RegisterAsync(string creditCode)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = $"applicant.{Guid.CreateVersion7():N}", password = "Strong-Password-1", displayName = "某某智能制造有限公司", creditCode,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccountDetails>(ApiJson.Options))!.ToUser();
    }

    Task<HttpResponseMessage> RequestBindingAsync(CurrentUser applicant, byte[] licence) =>
        app.ClientFor(applicant).PostAsync("/api/v1/organisation-bindings", new MultipartFormDataContent
        {
            { new StringContent("李明"), "holderName" },
            { new StringContent("某某智能制造有限公司"), "organisationName" },
            { new ByteArrayContent(licence) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "licence", "licence.pdf" },
        });

    async Task<Guid> BindingAsync(CurrentUser applicant)
    {
        var response = await RequestBindingAsync(applicant, TestScans.Pdf(applicant.Subject));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BindingRequestDetails>(ApiJson.Options))!.Id;
    }

    /// <summary>A new account, bound to <paramref name="creditCode"/> by the ministry's approval.</summary>
    async Task<CurrentUser> VerifiedAsync(string creditCode)
    {
        var applicant = await RegisterAsync(creditCode);
        var binding = await BindingAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Ministry).PostAsync($"/api/v1/organisation-bindings/{binding}/approval", null)).StatusCode);
        return applicant;
    }

    static async Task<List<Guid>> WorklistAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Page<BindingRequestDetails>>("/api/v1/organisation-bindings", ApiJson.Options))!.Items.Select(b => b.Id).ToList();
}
