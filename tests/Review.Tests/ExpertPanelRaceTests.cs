using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>
/// The streams expert review writes first by a ministry's step, not a user's own (an application's panel, the campaign's
/// assignment board), written first by two officers at the same moment: one wins, the other is decided again on what
/// the winner wrote, and nothing is lost or written twice.
/// </summary>
public partial class ExpertReviewApiTests
{
    [Fact]
    public async Task TwoOfficersAssigningTheFirstExpertsOfAnApplicationAtOnceOpenItsPanelOnceAndAssignBoth()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var (campaign, first, _, experts) = await InTheMinistrysHandsAsync(broker, "race", "totalIntegrationContracting");
        await using (var query = app.Store.QuerySession())
        {
            // Neither stream exists yet: both officers make its first write.
            Assert.Null(await query.Events.FetchStreamStateAsync(ExpertPanel.IdFor(first)));
            Assert.Null(await query.Events.FetchStreamStateAsync(AssignmentBoard.IdFor(campaign)));
        }
        ApplicationToReview application;
        ExpertReviewSettings settings;
        ExpertProfile?[] profiles;
        await using (var query = app.Store.QuerySession())
        {
            application = (await ExpertReviewScope.OfApplicationAsync(query, first, CancellationToken.None))!;
            settings = await ExpertReviewScope.SettingsAsync(query, campaign, CancellationToken.None);
            profiles = [await query.LoadAsync<ExpertProfile>(experts[0]), await query.LoadAsync<ExpertProfile>(experts[1])];
        }

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) =>
            AssignmentsApi.DecideAsync(session, application, (board, panel, _) =>
            {
                race.Meet(writer);
                return ExpertReviewDecider.Decide(new AssignExpert(application, experts[writer], profiles[writer], settings, $"officer-{writer}"),
                    board, panel, app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.Equal([null, null], outcomes);
        await using var read = app.Store.QuerySession();
        var events = await read.Events.FetchStreamAsync(ExpertPanel.IdFor(first));
        Assert.Single(events, e => e.Data is ExpertReviewOpened);
        var board = await read.Events.AggregateStreamAsync<AssignmentBoard>(AssignmentBoard.IdFor(campaign));
        Assert.Equal(experts[..2].Order(), board!.ExpertsOf(first).Order());
        Assert.Equal(2, (await read.Events.FetchStreamAsync(AssignmentBoard.IdFor(campaign))).Count(e => e.Data is ExpertAssigned));
    }
}
