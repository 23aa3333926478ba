using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Review's last stages (site visit, selected, not selected) reach the applicant through Registration, in any order.</summary>
public class SelectionStageTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task ASelectedApplicationShowsAsSelectedToItsApplicantEvenIfTheVisitsStageArrivesLast()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var applicant = app.ClientFor(TestUsers.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);

        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.Selected, null, DateTimeOffset.UtcNow, 90), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => await StatusAsync(applicant, id) == "selected" ? "selected" : null);
        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.SiteVisit, null, DateTimeOffset.UtcNow, 70), Guid.CreateVersion7());
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("selected", await StatusAsync(applicant, id));
    }

    [Fact]
    public async Task ADeclinedApplicationShowsAsNotSelectedAfterItsVisit()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var applicant = app.ClientFor(TestUsers.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);

        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.SiteVisit, null, DateTimeOffset.UtcNow, 70), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => await StatusAsync(applicant, id) == "siteVisit" ? "visit" : null);
        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.NotSelected, "综合评议未入选", DateTimeOffset.UtcNow, 90),
            Guid.CreateVersion7());
        await Eventually.GetAsync(async () => await StatusAsync(applicant, id) == "notSelected" ? "declined" : null);
    }

    [Fact]
    public async Task AnApplicationThatFailedExpertReviewShowsAsNotSelectedWithItsReasonWhateverTheOrderAndOnce()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var applicant = app.ClientFor(TestUsers.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        const string reason = "未通过专家评审，未列入公示名单。 / Did not pass expert review: not on the public notice.";

        // Left off the notice (Review's later stage) arrives first, twice; being under expert review arrives after it.
        var leftOff = new Published.ApplicationReviewStageReached(id, Published.ReviewStage.NotSelected, reason, DateTimeOffset.UtcNow, 120);
        var messageId = Guid.CreateVersion7();
        await review.PublishAsync(leftOff, messageId);
        await review.PublishAsync(leftOff, messageId);
        await Eventually.GetAsync(async () => await StatusAsync(applicant, id) == "notSelected" ? "left off" : null);
        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.UnderExpertReview, null, DateTimeOffset.UtcNow, 100),
            Guid.CreateVersion7());
        await Task.Delay(TimeSpan.FromSeconds(1));

        var details = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal(("notSelected", reason), (details.GetProperty("status").GetString(), details.GetProperty("reviewReason").GetString()));
        await using var session = app.Store.QuerySession();
        Assert.Single((await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<ReviewStageReported>(),
            e => e.Stage == Published.ReviewStage.NotSelected);
    }

    static async Task<string?> StatusAsync(HttpClient applicant, Guid id) =>
        (await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("status").GetString();
}
