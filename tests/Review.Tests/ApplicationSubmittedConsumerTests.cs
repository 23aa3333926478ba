using ServiceManufacturing.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class ApplicationSubmittedConsumerTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    readonly HttpClient client = app.ClientFor(TestUsers.DalianOfficer);

    [Fact]
    public async Task ASubmissionFromTheBrokerOpensAReviewCaseThatTheApiShows()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var submitted = Submission();
        var messageId = Guid.CreateVersion7();

        await broker.PublishAsync(submitted, messageId);

        var details = await Eventually.GetAsync(() => ReadCaseAsync(submitted.ApplicationId));
        Assert.Equal((submitted.OrganisationName, submitted.AuthorityCode, ReviewCaseStatus.AwaitingInitialReview, 1L),
            (details.OrganisationName, details.AuthorityCode, details.Status, details.Version));
        await using var session = app.Store.QuerySession();
        var opened = Assert.Single(await session.Events.FetchStreamAsync(submitted.ApplicationId));
        Assert.Equal(messageId.ToString(), opened.CausationId);
    }

    [Fact]
    public async Task ARedeliveredSubmissionOpensTheCaseOnlyOnce()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var submitted = Submission();
        var messageId = Guid.CreateVersion7();

        // The relay publishes at least once: the same message, several times, some of them at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => broker.PublishAsync(submitted, messageId)));
        await Eventually.GetAsync(() => ReadCaseAsync(submitted.ApplicationId));
        await broker.PublishAsync(submitted, messageId);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var session = app.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(submitted.ApplicationId));
        Assert.Equal(1L, (await ReadCaseAsync(submitted.ApplicationId))!.Version);
    }

    [Fact]
    public async Task AnotherAuthoritysOfficerGets404AndAnApplicantMayNotReadReviewCases()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var dalian = Submission();
        await broker.PublishAsync(dalian, Guid.CreateVersion7());
        await Eventually.GetAsync(() => ReadCaseAsync(dalian.ApplicationId));

        var hebei = await app.ClientFor(TestUsers.HebeiOfficer).GetAsync($"/api/v1/review-cases/{dalian.ApplicationId}");
        await ApiJson.AssertProblemAsync(hebei, HttpStatusCode.NotFound, "review-case-not-found");
        var applicant = await app.ClientFor(TestUsers.Applicant).GetAsync($"/api/v1/review-cases/{dalian.ApplicationId}");
        await ApiJson.AssertProblemAsync(applicant, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Ministry).GetAsync($"/api/v1/review-cases/{dalian.ApplicationId}")).StatusCode);
    }

    [Fact]
    public async Task AnOfficerMayNotListAnotherAuthoritysWorklist() =>
        await ApiJson.AssertProblemAsync(await client.GetAsync("/api/v1/review-cases?authorityCode=130000"),
            HttpStatusCode.Forbidden, "own-authority-only");

    [Fact]
    public async Task TheWorklistListsAnAuthoritysCasesOnly()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var dalian = Submission() with { AuthorityCode = "210200" };
        var hebei = Submission() with { AuthorityCode = "130000" };
        await broker.PublishAsync(dalian, Guid.CreateVersion7());
        await broker.PublishAsync(hebei, Guid.CreateVersion7());
        await Eventually.GetAsync(() => ReadCaseAsync(dalian.ApplicationId));
        await Eventually.GetAsync(() => ReadCaseAsync(hebei.ApplicationId, TestUsers.HebeiOfficer));

        var page = await client.GetFromJsonAsync<Page<ReviewCaseDetails>>("/api/v1/review-cases", Json);
        var all = await app.ClientFor(TestUsers.Ministry).GetFromJsonAsync<Page<ReviewCaseDetails>>("/api/v1/review-cases?pageSize=200", Json);

        Assert.Contains(page!.Items, c => c.Id == dalian.ApplicationId);
        Assert.DoesNotContain(page.Items, c => c.Id == hebei.ApplicationId);
        Assert.All(page.Items, c => Assert.Equal("210200", c.AuthorityCode));
        Assert.Contains(all!.Items, c => c.Id == hebei.ApplicationId);
    }

    [Fact]
    public async Task AnUnknownCaseGets404AndABadPageSizeGets400()
    {
        var missing = await client.GetAsync($"/api/v1/review-cases/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("review-case-not-found", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var badPage = await client.GetAsync("/api/v1/review-cases?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/review-cases?page=abc")).StatusCode);
    }

    static ApplicationSubmitted Submission() => new(Guid.CreateVersion7(), 3, Guid.CreateVersion7(), ApplicationCategory.Enterprise,
        null, "customization", "大连某某重工股份有限公司", "914403001922038216", "210200", "张伟", "0411-8888 0000", [], new string('a', 64), DateTimeOffset.UtcNow);

    async Task<ReviewCaseDetails?> ReadCaseAsync(Guid id, ServiceManufacturing.ServiceDefaults.Identity.CurrentUser? reader = null)
    {
        var response = await (reader is null ? client : app.ClientFor(reader)).GetAsync($"/api/v1/review-cases/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ReviewCaseDetails>(Json) : null;
    }

    static readonly JsonSerializerOptions Json = ApiJson.Options;
}
