using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using ServiceManufacturing.ServiceDefaults.Http;
using System.Net;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Services.Registration.Roster;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Each eligibility rule through the service: the refusal (with nothing stored) or the warning.</summary>
public class EligibilityApiTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly CurrentUser Qingdao = new("city-qingdao", "青岛市工业和信息化局", PlatformRoles.CityAuthority, "370200", null, "青岛市");
    static readonly CurrentUser Xpcc = new("city-xpcc", "兵团某师市", PlatformRoles.CityAuthority, "660000", null, "石河子市");

    [Fact]
    public async Task AnIncidentInTheEligibilityWindowIsRefusedAndNothingIsStored()
    {
        var draft = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise().WithIncident(new DateOnly(2022, 5, 1)));

        await AssertRefusedAsync(TestUsers.Applicant, draft, ApplicationRules.IncidentInWindow.Code);
    }

    [Fact]
    public async Task ServiceRevenueUnder30PercentIsAcceptedAndFlaggedForReviewers()
    {
        var draft = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise(100_000m, 25_000m));

        var receipt = await SubmitAsync(TestUsers.Applicant, draft);

        Assert.Equal([ApplicationRules.ServiceRevenueBelowShare], receipt.Warnings);
        var details = await app.ClientFor(TestUsers.ShenzhenOfficer).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{draft}", ApiJson.Options);
        Assert.Equal([ApplicationRules.ServiceRevenueBelowShare], details!.Warnings);
    }

    [Fact]
    public async Task APlatformShortOfTwoFullYearsIsRefusedAndNothingIsStored()
    {
        var today = ChinaTime.DayOf(app.Clock.GetUtcNow());
        var young = await app.DraftAsync(TestUsers.Applicant, "platform", "440300", Forms.Platform(today.AddYears(-2).AddDays(1)));
        await AssertRefusedAsync(TestUsers.Applicant, young, ApplicationRules.PlatformTooYoung.Code);

        var old = await app.DraftAsync(TestUsers.Applicant, "platform", "440300", Forms.Platform(today.AddYears(-2)));
        await SubmitAsync(TestUsers.Applicant, old);
    }

    [Fact]
    public async Task ACityThatAlreadyIsADemonstrationCityIsRefusedAndNothingIsStored()
    {
        await using var evaluation = await BrokerProbe<Published.DemonstrationEnrolled>.StartAsync(app);
        var enrolled = new Published.DemonstrationEnrolled(Guid.CreateVersion7(), 2, Published.DemonstrationCategory.City, "青岛市", null, "370200", DateTimeOffset.UtcNow);
        await evaluation.PublishAsync(enrolled, Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<EarlierDemonstration>(enrolled.DemonstrationId);
        });
        var draft = await app.DraftAsync(Qingdao, "city", "370200", Forms.City("青岛"));

        await AssertRefusedAsync(Qingdao, draft, ApplicationRules.AlreadyDemonstrationCity.Code);
    }

    [Fact]
    public async Task AShenzhenCompanyApplyingThroughGuangdongIsRefusedAndNothingIsStored()
    {
        var response = await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync("/api/v1/applications",
            new { category = "enterprise", organisationName = "深圳某某智能制造有限公司", creditCode = "914403001922038216", authorityCode = "440000" });

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ApplicationRules.ThroughOwnAuthority.Code);
        Assert.Contains("深圳市 440300", problem.GetProperty("detail").GetString());
        await using var session = app.Store.QuerySession();
        Assert.False(await session.Events.QueryRawEventDataOnly<ApplicationDraftCreated>().AnyAsync(d => d.AuthorityCode == "440000"));
    }

    [Fact]
    public async Task ACityApplicationThroughXpccIsRefusedAndNothingIsStored()
    {
        var response = await app.ClientFor(Xpcc).PostAsJsonAsync("/api/v1/applications",
            new { category = "city", organisationName = "石河子市", creditCode = "914403001922038216", authorityCode = "660000" });

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ApplicationRules.NoCitiesThroughXpcc.Code);
        await using var session = app.Store.QuerySession();
        Assert.False(await session.Events.QueryRawEventDataOnly<ApplicationDraftCreated>().AnyAsync(d => d.OwnerSubject == Xpcc.Subject));
    }

    [Fact]
    public async Task ASeparatelyPlannedCityFilesOneCityApplicationEvenAtTheSameMoment()
    {
        var ningbo = TestUsers.CityAuthority;
        var comprehensive = await app.DraftAsync(ningbo, "city", "330200", Forms.City("宁波市"));
        var design = await app.DraftAsync(ningbo, "city", "330200", Forms.City("宁波市", CityClass.IndustrialDesign));

        var both = await Task.WhenAll(
            app.ClientFor(ningbo).PostAsync($"/api/v1/applications/{comprehensive}/submission", null),
            app.ClientFor(ningbo).PostAsync($"/api/v1/applications/{design}/submission", null));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        // The slot is a stream decided with each submission: the second is decided again and refused by the rule.
        await ApiJson.AssertProblemAsync(Assert.Single(both, r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity,
            ApplicationRules.OneCityPerSeparatelyPlannedCity.Code);
        var (won, lost) = both[0].StatusCode == HttpStatusCode.OK ? (comprehensive, design) : (design, comprehensive);
        await AssertRefusedAsync(ningbo, lost, ApplicationRules.OneCityPerSeparatelyPlannedCity.Code);

        // Withdrawing the first frees the city's one place.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(ningbo).PostAsJsonAsync($"/api/v1/applications/{won}/withdrawal", new { reason = "改报另一类" })).StatusCode);
        await SubmitAsync(ningbo, lost);
    }

    [Fact]
    public async Task ALateSubmissionIsRefusedAndTheSameSubmissionPassesUnderAnException()
    {
        var draft = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var before = app.Clock.GetUtcNow();
        app.Clock.Set(new DateTimeOffset(2023, 6, 1, 0, 0, 1, ChinaTime.Offset));
        try
        {
            await AssertRefusedAsync(TestUsers.Applicant, draft, ApplicationRules.DeadlinePassed.Code);

            var granted = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync($"/api/v1/campaigns/{FifthBatch2023.Id}/deadline-exceptions",
                new { authorityCode = "440300", deadline = "applications", until = "2023-06-10", reason = "系统故障导致无法提交" });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

            await SubmitAsync(TestUsers.Applicant, draft);
        }
        finally
        {
            app.Clock.Set(before);
        }
    }

    [Fact]
    public async Task AReceiptVerifiesAndATamperedOneDoesNot()
    {
        var draft = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var receipt = await SubmitAsync(TestUsers.Applicant, draft);
        var client = app.ClientFor(TestUsers.Applicant);

        var valid = await client.PostAsJsonAsync($"/api/v1/applications/{draft}/receipt-verification", receipt, ApiJson.Options);
        var tampered = await client.PostAsJsonAsync($"/api/v1/applications/{draft}/receipt-verification",
            receipt with { ContentHash = new string('0', 64) }, ApiJson.Options);

        Assert.True((await valid.Content.ReadFromJsonAsync<ReceiptVerification>(ApiJson.Options))!.Valid);
        Assert.False((await tampered.Content.ReadFromJsonAsync<ReceiptVerification>(ApiJson.Options))!.Valid);
    }

    [Fact]
    public async Task ReviewsWordReachesTheApplicantAndAReturnedApplicationIsResubmitted()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var draft = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        await SubmitAsync(TestUsers.Applicant, draft);
        var returned = new Published.ApplicationReviewStageReached(draft, Published.ReviewStage.ReturnedForChanges, "请补充近三年收入", DateTimeOffset.UtcNow, 1);

        await review.PublishAsync(returned, Guid.CreateVersion7());
        var details = await Eventually.GetAsync(async () =>
        {
            var d = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{draft}", ApiJson.Options);
            return d!.Status == ApplicationStatus.ReturnedForChanges ? d : null;
        });
        Assert.Equal("请补充近三年收入", details.ReviewReason);

        var saved = await app.ClientFor(TestUsers.Applicant).PutAsJsonAsync($"/api/v1/applications/{draft}/form", Forms.Enterprise(120_000m, 50_000m), ApiJson.Options);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await SubmitAsync(TestUsers.Applicant, draft);
        var resubmitted = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{draft}", ApiJson.Options);
        Assert.Equal((ApplicationStatus.Submitted, 2), (resubmitted!.Status, resubmitted.Round));
    }

    [Fact]
    public async Task TheMinistrysIntakeOfAPackageShowsOnEachApplicationOnce()
    {
        await using var review = await BrokerProbe<Published.RecommendationPackageStageReached>.StartAsync(app);
        var first = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var second = await app.DraftAsync(TestUsers.Applicant, "platform", "440300", Forms.Platform(new DateOnly(2019, 1, 1)));
        await SubmitAsync(TestUsers.Applicant, first);
        await SubmitAsync(TestUsers.Applicant, second);
        var intake = new Published.RecommendationPackageStageReached(Guid.CreateVersion7(), "440300", [first, second],
            Published.ReviewStage.AwaitingExpertReview, DateTimeOffset.UtcNow, 1);
        var messageId = Guid.CreateVersion7();

        await review.PublishAsync(intake, messageId);
        await review.PublishAsync(intake, messageId); // redelivered

        foreach (var id in new[] { first, second })
            await Eventually.GetAsync(async () => (await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>(
                $"/api/v1/applications/{id}", ApiJson.Options))!.Status == ApplicationStatus.AwaitingExpertReview ? "ok" : null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using var session = app.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(first), e => e.Data is ReviewStageReported);
    }

    [Fact]
    public async Task ReviewsStagesThatArriveOutOfOrderLeaveTheApplicationAtTheLatest()
    {
        // The recommendation and the package's intake are different messages, on different queues: either may come first.
        await using var stages = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        await using var packages = await BrokerProbe<Published.RecommendationPackageStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        await SubmitAsync(TestUsers.Applicant, id);

        await packages.PublishAsync(new Published.RecommendationPackageStageReached(Guid.CreateVersion7(), "440300", [id],
            Published.ReviewStage.AwaitingExpertReview, DateTimeOffset.UtcNow, 30), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>(
            $"/api/v1/applications/{id}", ApiJson.Options))!.Status == ApplicationStatus.AwaitingExpertReview ? "ok" : null);
        await stages.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.Recommended, null,
            DateTimeOffset.UtcNow, 20), Guid.CreateVersion7());

        await using var session = app.Store.QuerySession();
        await Eventually.GetAsync(async () => (await session.Events.FetchStreamAsync(id)).Count(e => e.Data is ReviewStageReported) == 2 ? "ok" : null);
        var details = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{id}", ApiJson.Options);
        Assert.Equal(ApplicationStatus.AwaitingExpertReview, details!.Status);
    }

    async Task<SubmissionReceipt> SubmitAsync(CurrentUser user, Guid id)
    {
        var response = await app.ClientFor(user).PostAsync($"/api/v1/applications/{id}/submission", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SubmissionReceipt>(ApiJson.Options))!;
    }

    async Task AssertRefusedAsync(CurrentUser user, Guid id, string rule)
    {
        await using var session = app.Store.QuerySession();
        var before = (await session.Events.FetchStreamStateAsync(id))!.Version;

        var response = await app.ClientFor(user).PostAsync($"/api/v1/applications/{id}/submission", null);

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, rule);
        Assert.Contains("titleZh", problem.GetRawText());
        await using var after = app.Store.QuerySession();
        Assert.Equal(before, (await after.Events.FetchStreamStateAsync(id))!.Version);
    }
}
