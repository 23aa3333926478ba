using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

public partial class ApplicationsApiTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly JsonSerializerOptions Json = ApiJson.Options;
    readonly HttpClient client = app.ClientFor(TestUsers.Applicant);

    [Fact]
    public async Task ADraftIsCreatedAndSubmittedWithItsVersionAsETag()
    {
        var created = await CreateDraftAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var draft = (await created.Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;
        Assert.Equal(ApplicationStatus.Draft, draft.Status);

        var saved = await SaveFormAsync(draft.Id, "\"1\"", Forms.Enterprise());
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        var submitted = await SubmitAsync(draft.Id, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("\"3\"", submitted.Headers.ETag?.Tag);
        var receipt = (await submitted.Content.ReadFromJsonAsync<SubmissionReceipt>(Json))!;
        Assert.Equal((draft.Id, 3L, app.Clock.GetUtcNow()), (receipt.ApplicationId, receipt.Version, receipt.SubmittedAt));
        Assert.Matches("^[0-9a-f]{64}$", receipt.ContentHash);

        var read = await client.GetAsync($"/api/v1/applications/{draft.Id}");
        Assert.Equal("\"3\"", read.Headers.ETag?.Tag);
        Assert.Equal(ApplicationStatus.Submitted, (await read.Content.ReadFromJsonAsync<ApplicationDetails>(Json))!.Status);
    }

    [Fact]
    public async Task SubmittingWithAStaleVersionGets412AndChangesNothing()
    {
        var draft = await CompleteDraftAsync();

        var response = await SubmitAsync(draft.Id, "\"7\"");

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
        await using var session = app.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamStateAsync(draft.Id))!.Version);
    }

    [Fact]
    public async Task SavingOverAnotherTabsSaveGets412WithTheFormAsItNowStands()
    {
        var draft = await CompleteDraftAsync(); // version 2, saved from one tab
        var edited = Forms.Enterprise(300_000m, 120_000m);

        var stale = await SaveFormAsync(draft.Id, "\"1\"", edited); // another tab still holds version 1

        var problem = await ApiJson.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, PlatformRules.StaleVersion.Code);
        var current = problem.GetProperty("current").Deserialize<ApplicationDetails>(Json)!;
        Assert.Equal((2L, Forms.Enterprise().Enterprise!.Revenues![0].OperatingRevenue), (current.Version, current.Form.Enterprise!.Revenues![0].OperatingRevenue));
        Assert.Equal("\"2\"", stale.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, (await SaveFormAsync(draft.Id, stale.Headers.ETag!.Tag, edited)).StatusCode);
    }

    [Fact]
    public async Task SubmittingAnEmptyDraftGets422ApplicationIncompleteWhoseErrorsNameEachMissingField()
    {
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;

        var response = await SubmitAsync(draft.Id, "\"1\"");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ApplicationRules.Incomplete.Code);
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains(e.Value.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString())));
        Assert.Contains(errors, e => e.Name == "contact.name");
    }

    [Fact]
    public async Task SubmittingTwiceGets409()
    {
        var draft = await CompleteDraftAsync();
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(draft.Id, null)).StatusCode);

        await ApiJson.AssertProblemAsync(await SubmitAsync(draft.Id, null), HttpStatusCode.Conflict, ApplicationRules.AlreadySubmitted.Code);
    }

    [Fact]
    public async Task AnApplicationThatDoesNotExistGets404() =>
        await ApiJson.AssertProblemAsync(await client.GetAsync($"/api/v1/applications/{Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);

    public static TheoryData<string, string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "malformed JSON", "application/json", "{\"category\":", HttpStatusCode.BadRequest, "invalid-json" },
        { "unknown enum value", "application/json", Body(category: "\"factory\""), HttpStatusCode.BadRequest, "invalid-json" },
        { "enum as a number", "application/json", Body(category: "1"), HttpStatusCode.BadRequest, "invalid-json" },
        { "wrong content type", "text/plain", Body(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type" },
        { "oversized body", "application/json", Body(name: new string('厂', 200_000)), HttpStatusCode.RequestEntityTooLarge, "body-too-large" },
        { "invalid credit code", "application/json", Body(creditCode: "914403001922038217"), HttpStatusCode.BadRequest, "validation" },
        { "unknown authority", "application/json", Body(authority: "999999"), HttpStatusCode.BadRequest, "validation" },
        { "missing fields", "application/json", "{}", HttpStatusCode.BadRequest, "validation" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInputGetsAProblemThatNamesItAndStoresNothing(
        string what, string contentType, string body, HttpStatusCode status, string code)
    {
        var before = await DraftCountAsync();

        var response = await client.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, contentType));

        var problem = await ApiJson.AssertProblemAsync(response, status, code);
        Assert.DoesNotContain("   at ", problem.GetRawText());
        Assert.True(problem.TryGetProperty("titleZh", out _), what);
        Assert.Equal(before, await DraftCountAsync());
    }

    [Fact]
    public async Task ValidationNamesEachInvalidField()
    {
        var response = await client.PostAsync("/api/v1/applications",
            new StringContent(Body(creditCode: "123", authority: "999999"), Encoding.UTF8, "application/json"));

        var errors = (await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("creditCode", out _));
        Assert.True(errors.TryGetProperty("authorityCode", out _));
        Assert.False(errors.TryGetProperty("organisationName", out _));
    }

    [Fact]
    public async Task AMalformedIfMatchGets400()
    {
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{draft.Id}/submission");
        request.Headers.TryAddWithoutValidation("If-Match", "version-one");

        await ApiJson.AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest, PlatformRules.InvalidIfMatch.Code);
    }

    [Fact]
    public async Task ASubmissionIsPublishedFromTheStoredEventWithItsIdAndCorrelation()
    {
        await using var probe = await BrokerProbe<Published.ApplicationSubmitted>.StartAsync(app);
        var draft = await CompleteDraftAsync();

        await SubmitAsync(draft.Id, "\"2\"");

        var message = await probe.WaitForAsync(m => m.ApplicationId == draft.Id);
        await using var session = app.Store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(draft.Id)).Single(e => e.Data is ApplicationSubmitted);
        Assert.Equal(stored.Id, message.MessageId);
        Assert.Equal(stored.CorrelationId, message.CorrelationId?.ToString("N"));
        Assert.Equal((3L, draft.CreditCode, "440300"), (message.Message.Version, message.Message.CreditCode, message.Message.AuthorityCode));
        Assert.Equal(("fullLifeCycleManagement", draft.CampaignId), (message.Message.ServiceMode, message.Message.CampaignId));
    }

    [Fact]
    public async Task TheRelatedPartiesOnTheFormTravelWithTheSubmissionAndAnInvalidCodeIsRefused()
    {
        await using var probe = await BrokerProbe<Published.ApplicationSubmitted>.StartAsync(app);
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;
        var refused = await SaveFormAsync(draft.Id, "\"1\"", Forms.Enterprise() with { RelatedParties = ["914403001922038216", "91440300NOTACODE00"] });
        var errors = (await ApiJson.AssertProblemAsync(refused, HttpStatusCode.BadRequest, PlatformRules.Validation.Code)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("relatedParties[1]", out _));
        Assert.False(errors.TryGetProperty("relatedParties[0]", out _));

        Assert.Equal(HttpStatusCode.OK, (await SaveFormAsync(draft.Id, "\"1\"", Forms.Enterprise() with { RelatedParties = ["91110000600037341L"] })).StatusCode);
        await SubmitAsync(draft.Id, "\"2\"");

        Assert.Equal(["91110000600037341L"], (await probe.WaitForAsync(m => m.ApplicationId == draft.Id)).Message.RelatedParties!);
    }

    [Fact]
    public async Task AnotherOrganisationsApplicationIsNotFoundAndTheAttemptIsRecorded()
    {
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;
        var other = app.ClientFor(TestUsers.OtherApplicant);

        await ApiJson.AssertProblemAsync(await other.GetAsync($"/api/v1/applications/{draft.Id}"), HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);
        await ApiJson.AssertProblemAsync(await other.PostAsync($"/api/v1/applications/{draft.Id}/submission", null), HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);

        await using var session = app.Store.QuerySession();
        var denials = await session.Events.QueryRawEventDataOnly<AccessDenied>()
            .Where(d => d.Subject == TestUsers.OtherApplicant.Subject).ToListAsync();
        Assert.Equal(2, denials.Count);
        Assert.Equal(ApplicationStatus.Draft, (await session.LoadAsync<ApplicationDetails>(draft.Id))!.Status);
    }

    [Fact]
    public async Task AnOfficerSeesTheSubmittedApplicationsOfItsOwnAuthorityOnly()
    {
        var draft = await CompleteDraftAsync();
        var shenzhen = app.ClientFor(TestUsers.ShenzhenOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await shenzhen.GetAsync($"/api/v1/applications/{draft.Id}")).StatusCode); // a draft is the applicant's alone

        await SubmitAsync(draft.Id, null);

        Assert.Equal(HttpStatusCode.OK, (await shenzhen.GetAsync($"/api/v1/applications/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).GetAsync($"/api/v1/applications/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shenzhen.PostAsync($"/api/v1/applications/{draft.Id}/submission", null)).StatusCode);
    }

    [Fact]
    public async Task AnAuditorReadsEverythingAndEveryReadIsRecorded()
    {
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;

        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Auditor).GetAsync($"/api/v1/applications/{draft.Id}")).StatusCode);

        await using var session = app.Store.QuerySession();
        var reads = await session.Events.QueryRawEventDataOnly<AuditorRead>().Where(r => r.Path == $"/api/v1/applications/{draft.Id}").ToListAsync();
        Assert.Equal(TestUsers.Auditor.Subject, Assert.Single(reads).Subject);
    }

    [Fact]
    public async Task TheActingUserIsOnEveryEvent()
    {
        var draft = await CompleteDraftAsync();
        await SubmitAsync(draft.Id, null);

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(draft.Id);
        Assert.All(events, e => Assert.Equal(TestUsers.Applicant.AuditName, e.UserName));
    }
}
