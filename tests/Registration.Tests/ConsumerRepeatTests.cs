using System.Net;
using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Roster;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Registration's consumers follow the one rule: a message delivered twice (at once or later) is applied once.</summary>
public class ConsumerRepeatTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task AReviewStageDeliveredTwiceIsReportedOnce()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Applicant).PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        var passed = new Published.ApplicationReviewStageReached(id, Published.ReviewStage.PassedInitialReview, null, DateTimeOffset.UtcNow, 10);
        var messageId = Guid.CreateVersion7();

        await Task.WhenAll(review.PublishAsync(passed, messageId), review.PublishAsync(passed, messageId));
        await Eventually.GetAsync(async () => (await ReportedAsync(id)) > 0 ? "reported" : null);
        await review.PublishAsync(passed, messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await ReportedAsync(id));
    }

    [Fact]
    public async Task AnEnrolmentDeliveredTwiceIsRecordedOnce()
    {
        await using var evaluation = await BrokerProbe<Published.DemonstrationEnrolled>.StartAsync(app);
        var enrolled = new Published.DemonstrationEnrolled(Guid.CreateVersion7(), 3, Published.DemonstrationCategory.Enterprise, "某某股份有限公司",
            "914403001922038216", "440300", DateTimeOffset.UtcNow);
        var messageId = Guid.CreateVersion7();

        await Task.WhenAll(evaluation.PublishAsync(enrolled, messageId), evaluation.PublishAsync(enrolled, messageId));
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<EarlierDemonstration>(enrolled.DemonstrationId);
        });
        await evaluation.PublishAsync(enrolled, messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await using var query = app.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(enrolled.DemonstrationId));
        Assert.Single(await query.Query<AppliedMessage>().Where(a => a.MessageId == messageId).ToListAsync());
    }

    async Task<int> ReportedAsync(Guid id)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count(e => e.Data is ReviewStageReported);
    }
}
