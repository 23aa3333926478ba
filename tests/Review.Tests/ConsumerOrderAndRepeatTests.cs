using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Review's consumers on the real broker: each message applied once, in whatever order the queues deliver.</summary>
public class ConsumerOrderAndRepeatTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AWithdrawalThatOvertakesTheSubmissionOpensTheCaseWithdrawnForGood()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var id = Guid.CreateVersion7();

        // A relay catching up after an outage publishes both back to back; the withdrawal's queue is faster.
        await broker.PublishAsync(new ApplicationWithdrawn(id, DateTimeOffset.UtcNow), Guid.CreateVersion7(), 11);
        await Eventually.GetAsync(async () => (await StreamAsync(id)).Count == 1 ? "heard" : null);
        await broker.PublishAsync(ReviewFlow.Submission(id, Guid.CreateVersion7(), "大连某某重工股份有限公司"), Guid.CreateVersion7(), 10);

        var details = await Eventually.GetAsync(() => app.CaseAsync(id));
        Assert.Equal(ReviewCaseStatus.Withdrawn, details.Status);
        Assert.Equal([typeof(WithdrawalHeardBeforeSubmission), typeof(ReviewCaseOpened), typeof(ReviewCaseWithdrawn)],
            (await StreamAsync(id)).Select(e => e.GetType()));
    }

    [Fact]
    public async Task EachOfRegistrationsMessagesDeliveredTwiceIsAppliedOnce()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var id = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        object[] messages =
        [
            ReviewFlow.Submission(id, campaign, "河北某某装备制造有限公司"),
            new StampedFormUploaded(id, new string('d', 64), DateTimeOffset.UtcNow),
            new ApplicationWithdrawn(id, DateTimeOffset.UtcNow),
        ];
        foreach (var message in messages)
        {
            var messageId = Guid.CreateVersion7();
            var before = (await StreamAsync(id)).Count;
            await Task.WhenAll(broker.PublishAsync(message, messageId), broker.PublishAsync(message, messageId));
            await Eventually.GetAsync(async () => (await StreamAsync(id)).Count > before ? "applied" : null);
            await broker.PublishAsync(message, messageId);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(before + 1, (await StreamAsync(id)).Count);
        }
        await using var session = app.Store.QuerySession();
        Assert.Equal(3, await Marten.QueryableExtensions.CountAsync(session.Query<AppliedMessage>().Where(a => a.StreamId == id)));
    }

    [Fact]
    public async Task ACampaignAndItsDeadlineExtensionDeliveredTwiceAndInReverseAreAppliedOnce()
    {
        await using var broker = await BrokerProbe<CampaignOpened>.StartAsync(app);
        var campaign = Guid.CreateVersion7();
        var extension = new DeadlineExceptionGranted(campaign, "130000", DeadlineKind.Recommendations, new DateOnly(2023, 6, 15),
            "汛期", "ministry", DateTimeOffset.UtcNow);
        var extensionId = Guid.CreateVersion7();

        await broker.PublishAsync(extension, extensionId);
        await broker.PublishAsync(extension, extensionId);
        await Eventually.GetAsync(async () => (await StreamAsync(campaign)).Count == 1 ? "heard" : null);
        var campaignId = Guid.CreateVersion7();
        var opened = new CampaignOpened(campaign, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new(2023, 3, 20), new(2023, 5, 31), new(2023, 5, 31), new(2023, 5, 31)), ReviewFlow.Quotas, DateTimeOffset.UtcNow);
        await broker.PublishAsync(opened, campaignId);
        await broker.PublishAsync(opened, campaignId);

        var noted = await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ReviewCampaign>(campaign);
        });
        await broker.PublishAsync(extension, extensionId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateOnly(2023, 6, 15), noted.Extensions["130000"]);
        Assert.Equal([typeof(DeadlineExtensionHeardBeforeCampaign), typeof(CampaignNoted), typeof(RecommendationDeadlineExtended)],
            (await StreamAsync(campaign)).Select(e => e.GetType()));
    }

    async Task<IReadOnlyList<object>> StreamAsync(Guid id)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).ToList();
    }
}
