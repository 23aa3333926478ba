using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    static async Task<string?> StatusAsync(HttpClient applicant, Guid id) =>
        (await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("status").GetString();
}
