using System.Net;
using Marten;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// A credit code is public, so it proves nothing: an applicant account reaches its organisation's applications only
/// once Identity says its binding is verified, and a city authority files only for its own city (issue 8, holes 1-3).
/// </summary>
public class OrganisationAccessApiTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static CurrentUser NewApplicant(string creditCode = TestUsers.ShenzhenCreditCode) =>
        new(Guid.CreateVersion7().ToString(), "深圳某某智能制造有限公司", PlatformRoles.Applicant, null, creditCode, null);

    [Fact]
    public async Task AnUnverifiedAccountSeesNoOtherMembersApplicationAndCannotSubmitUntilItsVerificationArrives()
    {
        var member = NewApplicant();
        await app.VerifyMemberAsync(member);
        var application = await app.DraftAsync(member, "enterprise", "440300", Forms.Enterprise());
        var newcomer = NewApplicant();
        var client = app.ClientFor(newcomer);
        var ownDraft = await app.DraftAsync(newcomer, "enterprise", "440300", Forms.Enterprise()); // its own drafts it may prepare

        await ApiJson.AssertProblemAsync(await client.GetAsync($"/api/v1/applications/{application}"), HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);
        Assert.Equal(new[] { ownDraft }, await ListedAsync(client));
        await ApiJson.AssertProblemAsync(await client.PostAsync($"/api/v1/applications/{ownDraft}/submission", null),
            HttpStatusCode.Forbidden, ApplicationRules.OrganisationNotVerified.Code);

        await app.PublishAsIdentityAsync(new OrganisationMemberVerified(newcomer.CreditCode!, newcomer.Subject, "binding-approved", DateTimeOffset.UtcNow), 500);
        await Eventually.GetAsync(async () => await app.MembershipAsync(newcomer) is { Verified: true } m ? m : null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/applications/{application}")).StatusCode);
        Assert.Subset((await ListedAsync(client)).ToHashSet(), new HashSet<Guid> { application, ownDraft });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/applications/{ownDraft}/submission", null)).StatusCode);
    }

    [Fact]
    public async Task ARemovedMemberLosesAccess()
    {
        var (member, colleague) = (NewApplicant(), NewApplicant());
        await app.VerifyMemberAsync(member);
        await app.VerifyMemberAsync(colleague);
        var application = await app.DraftAsync(member, "enterprise", "440300", Forms.Enterprise());
        var client = app.ClientFor(colleague);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/applications/{application}")).StatusCode);

        await app.PublishAsIdentityAsync(new OrganisationMemberRemoved(colleague.CreditCode!, colleague.Subject, DateTimeOffset.UtcNow), 2_000_000);
        await Eventually.GetAsync(async () => await app.MembershipAsync(colleague) is { Verified: false } m ? m : null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/applications/{application}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/applications/{application}/form", Forms.Enterprise(), ApiJson.Options)).StatusCode);
        Assert.Empty(await ListedAsync(client));
    }

    [Fact]
    public async Task ARemovalThatOvertakesTheVerificationStaysARemoval()
    {
        var applicant = NewApplicant();
        await app.PublishAsIdentityAsync(new OrganisationMemberRemoved(applicant.CreditCode!, applicant.Subject, DateTimeOffset.UtcNow), 21);
        await Eventually.GetAsync(() => app.MembershipAsync(applicant));

        await app.PublishAsIdentityAsync(new OrganisationMemberVerified(applicant.CreditCode!, applicant.Subject, "binding-approved", DateTimeOffset.UtcNow), 20);
        await app.PublishAsIdentityAsync(new OrganisationMemberRemoved(applicant.CreditCode!, applicant.Subject, DateTimeOffset.UtcNow), 21); // again

        await Task.Delay(TimeSpan.FromSeconds(2));
        var membership = (await app.MembershipAsync(applicant))!;
        Assert.Equal((false, 21L), (membership.Verified, membership.Sequence));
    }

    [Fact]
    public async Task ASecondSelfRegisteredAccountWithTheSamePublicCreditCodeSeesNothing()
    {
        var member = NewApplicant();
        await app.VerifyMemberAsync(member);
        var application = await app.DraftAsync(member, "enterprise", "440300", Forms.Enterprise());
        var stranger = app.ClientFor(NewApplicant());

        Assert.Empty(await ListedAsync(stranger));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{application}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/applications/{application}/form-document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/applications/{application}/submission", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/applications/{application}/withdrawal", new { reason = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("130000", "石家庄市")]
    [InlineData("460000", "海口市")]
    public async Task ACityAuthorityOfNingboCannotFileForAnotherCity(string authority, string city)
    {
        var ningbo = app.ClientFor(TestUsers.CityAuthority);

        var created = await ningbo.PostAsJsonAsync("/api/v1/applications",
            new { category = "city", organisationName = $"{city}工业和信息化局", creditCode = TestUsers.ShenzhenCreditCode, authorityCode = authority });
        await ApiJson.AssertProblemAsync(created, HttpStatusCode.Forbidden, ApplicationRules.CityAuthorityOwnCity.Code);

        var own = await app.DraftAsync(TestUsers.CityAuthority, "city", "330200", Forms.City("宁波市"));
        var renamed = await ningbo.PutAsJsonAsync($"/api/v1/applications/{own}/form", Forms.City(city), ApiJson.Options);
        await ApiJson.AssertProblemAsync(renamed, HttpStatusCode.Forbidden, ApplicationRules.CityAuthorityOwnCity.Code);
    }

    [Fact]
    public async Task ACityAuthorityOfNingboCannotFileUnderAnotherCitysNameThroughItsOwnAuthority()
    {
        var created = await app.ClientFor(TestUsers.CityAuthority).PostAsJsonAsync("/api/v1/applications",
            new { category = "city", organisationName = "石家庄市工业和信息化局", creditCode = TestUsers.ShenzhenCreditCode, authorityCode = "330200" });

        await ApiJson.AssertProblemAsync(created, HttpStatusCode.Forbidden, ApplicationRules.CityAuthorityOwnCity.Code);
        await using var session = app.Store.QuerySession();
        Assert.False(await session.Events.QueryRawEventDataOnly<ApplicationDraftCreated>().AnyAsync(d => d.OrganisationName == "石家庄市工业和信息化局"));
    }

    [Fact]
    public async Task ACityAuthorityFilesWithItsAccountsAuthorityWhenTheBodyNamesNone()
    {
        var created = await app.ClientFor(TestUsers.CityAuthority).PostAsJsonAsync("/api/v1/applications",
            new { category = "city", creditCode = TestUsers.ShenzhenCreditCode });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!;
        Assert.Equal(("330200", TestUsers.CityAuthority.Name), (draft.AuthorityCode, draft.OrganisationName));
    }

    [Fact]
    public async Task AnApplicantWithTheCitysCreditCodeCannotReadOrEditTheCitysApplication()
    {
        var city = await app.DraftAsync(TestUsers.CityAuthority, "city", "330200", Forms.City("宁波市"));
        var cityCode = (await (await app.ClientFor(TestUsers.CityAuthority).GetAsync($"/api/v1/applications/{city}"))
            .Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!.CreditCode;
        var sameCode = NewApplicant(cityCode);
        await app.VerifyMemberAsync(sameCode);
        var client = app.ClientFor(sameCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/applications/{city}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/applications/{city}/form", Forms.City("宁波市"), ApiJson.Options)).StatusCode);
        Assert.DoesNotContain(city, await ListedAsync(client));
    }

    static async Task<List<Guid>> ListedAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<ServiceManufacturing.ServiceDefaults.Http.Page<ApplicationDetails>>("/api/v1/applications", ApiJson.Options);
        return page!.Items.Select(a => a.Id).ToList();
    }
}
