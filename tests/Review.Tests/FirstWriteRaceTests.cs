using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Visits;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>
/// Every stream of Review with a fixed id (a ranked list, a package, a campaign, a case) written first by two writers at
/// the same moment: one wins, the other is decided again and gets the rule's answer, never a 500.
/// </summary>
public class FirstWriteRaceTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task TwoOfficersAddingTheFirstEntryOfAQuotaOneListAtOnceGetOneRecommendationAndOneQuotaExceeded()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaignId = await app.CampaignAsync(broker);
        Guid[] candidates = [
            await app.SubmittedAsync(broker, campaignId, "河北某某共享制造平台甲", ApplicationCategory.Platform, "sharedManufacturing"),
            await app.SubmittedAsync(broker, campaignId, "河北某某共享制造平台乙", ApplicationCategory.Platform, "sharedManufacturing")];
        foreach (var id in candidates) await app.PassAndStampAsync(broker, id);
        var campaign = await CampaignAsync(campaignId);
        var listId = RecommendationList.IdFor(campaignId, "130000", RecommendationListKind.SharedManufacturingPlatforms);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync(
            [StreamToWrite.Of<RecommendationList>(listId), StreamToWrite.Of<ReviewCase>(candidates[writer])], states =>
            {
                race.Meet(writer);
                return RecommendationDecider.Decide(new RecommendCase(listId, candidates[writer], "平台", campaign, "officer"),
                    states.Of<RecommendationList>(listId), states.Of<ReviewCase>(candidates[writer]), app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(RecommendationRules.QuotaExceeded, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
        await using var query = app.Store.QuerySession();
        Assert.Single((await query.LoadAsync<RecommendationList>(listId))!.Entries);
    }

    [Fact]
    public async Task TwoOfficersRecommendingTheLastPlaceAtOnceThroughTheApiGetOneOkAndOneQuotaExceededNeverA500()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaignId = await app.CampaignAsync(broker);
        Guid[] candidates = [
            await app.SubmittedAsync(broker, campaignId, "河北某某综合城市甲", ApplicationCategory.City, "comprehensive"),
            await app.SubmittedAsync(broker, campaignId, "河北某某综合城市乙", ApplicationCategory.City, "comprehensive")];
        foreach (var id in candidates) await app.PassAndStampAsync(broker, id);

        var answers = await Task.WhenAll(candidates.Select((id, i) =>
            app.ClientFor(TestUsers.HebeiOfficer with { Subject = $"officer-hebei-{i}" }).PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.StatusCode).Order());
        await ApiJson.AssertProblemAsync(answers.Single(a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity,
            RecommendationRules.QuotaExceeded.Code);
    }

    [Fact]
    public async Task TwoSubmissionsOfOnePackageAtOnceFreezeItOnceAndTheSecondIsTold()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaignId = await app.CampaignAsync(broker);
        var enterprise = await app.SubmittedAsync(broker, campaignId, "河北某某装备制造有限公司");
        await app.PassAndStampAsync(broker, enterprise);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = enterprise })).StatusCode);
        var scan = TestScans.Content(TestScans.Pdf("Stamped summary table"));
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaignId}", scan)).StatusCode);
        var campaign = await CampaignAsync(campaignId);
        var packageId = RecommendationPackage.IdFor(campaignId, "130000");
        var listIds = PackageListsDecider.ListIds(campaignId, "130000"); // three of the four lists are written first here
        var command = new SubmitPackageWithLists(campaignId, "130000", campaign, new Dictionary<Guid, string> { [enterprise] = new string('d', 64) }, "officer");

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync(
            [StreamToWrite.Of<RecommendationPackage>(packageId), .. listIds.Select(l => StreamToWrite.Of<RecommendationList>(l))], states =>
            {
                race.Meet(writer);
                return PackageListsDecider.Decide(command, states.Of<RecommendationPackage>(packageId),
                    listIds.ToDictionary(l => l, l => states.Of<RecommendationList>(l)), app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(PackageRules.Frozen, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
        await using var query = app.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(packageId), e => e.Data is PackageSubmitted);
        foreach (var listId in listIds)
            Assert.Single(await query.Events.FetchStreamAsync(listId), e => e.Data is RecommendationListSubmitted);
    }

    [Fact]
    public async Task TwoFirstUploadsOfAPackagesTableScanAtOnceAreBothKeptTheLaterLast()
    {
        var campaignId = Guid.CreateVersion7();
        var packageId = RecommendationPackage.IdFor(campaignId, "130000");
        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<RecommendationPackage>(packageId, null,
            state =>
            {
                race.Meet(writer);
                return PackageDecider.Decide(new UploadSummaryTableScan(campaignId, "130000", Guid.CreateVersion7(), "application/pdf", 100,
                    new string((char)('a' + writer), 64), "officer"), state, app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamAsync(packageId)).Count);
    }

    [Fact]
    public async Task TwoDeliveriesOfOneSubmissionDecidedAtOnceOpenOneCase()
    {
        var campaignId = Guid.CreateVersion7();
        var submission = ReviewFlow.Submission(Guid.CreateVersion7(), campaignId, "河北某某重复投递有限公司");
        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<ReviewCase>(submission.ApplicationId, null,
            state =>
            {
                race.Meet(writer);
                return ReviewCaseDecider.Decide(new OpenReviewCase(submission), state, app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.IsType<ReviewCaseOpened>(Assert.Single(await query.Events.FetchStreamAsync(submission.ApplicationId)).Data);
    }

    [Fact]
    public async Task ACampaignPublishedTwiceAndTakenAtOnceIsNotedOnce()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var id = Guid.CreateVersion7();
        var opened = new CampaignOpened(id, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new DateOnly(2023, 3, 20), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31)),
            ReviewFlow.Quotas, DateTimeOffset.UtcNow);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => broker.PublishAsync(opened, Guid.CreateVersion7())));
        await Eventually.GetAsync(() => CampaignOrNullAsync(id));
        await Task.Delay(TimeSpan.FromSeconds(2)); // the other deliveries are taken too

        await using var query = app.Store.QuerySession();
        Assert.IsType<CampaignNoted>(Assert.Single(await query.Events.FetchStreamAsync(id)).Data);
    }

    [Fact]
    public async Task ARecommendationWhoseCaseChangesWhileItIsDecidedIsDecidedAgainOnTheChangedCase()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaignId = await app.CampaignAsync(broker);
        var candidate = await app.SubmittedAsync(broker, campaignId, "河北某某撤回竞态有限公司");
        await app.PassAndStampAsync(broker, candidate);
        var campaign = await CampaignAsync(campaignId);
        var listId = RecommendationList.IdFor(campaignId, "130000", RecommendationListKind.Enterprises);
        var decisions = 0;

        await using var session = app.Store.LightweightSession();
        var refusal = await Assert.ThrowsAsync<RuleViolation>(() => session.DecideAsync(
            [StreamToWrite.Of<RecommendationList>(listId), StreamToWrite.Of<ReviewCase>(candidate)], states =>
            {
                if (decisions++ == 0) WithdrawMeanwhile(candidate); // the case changes after it was read, before the list is written
                return RecommendationDecider.Decide(new RecommendCase(listId, candidate, "企业", campaign, "officer"),
                    states.Of<RecommendationList>(listId), states.Of<ReviewCase>(candidate), app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.Equal(RecommendationRules.NotRecommendable, refusal.Rule);
        Assert.Equal(2, decisions);
        await using var query = app.Store.QuerySession();
        Assert.Null(await query.LoadAsync<RecommendationList>(listId));
    }

    [Fact]
    public async Task TwoFirstChangesOfACampaignsExpertReviewSettingsAtOnceAreBothKeptTheLaterLast()
    {
        var campaignId = Guid.CreateVersion7();
        var id = ExpertReviewSettings.IdFor(campaignId);
        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<ExpertReviewSettings>(id, null, _ =>
        {
            race.Meet(writer);
            return [new ExpertReviewSettingsChanged(campaignId, 3, 10 + writer, 15m, ExpertReviewSettings.DefaultSheets, "ministry", app.Clock.GetUtcNow())];
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamAsync(id)).Count);
    }

    [Fact]
    public async Task TwoMinistryOfficersChangingANewCampaignsSettingsAtOnceThroughTheApiAreBothAnsweredNeverA500()
    {
        var campaignId = Guid.CreateVersion7();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => app.ClientFor(TestUsers.Ministry with { Subject = $"ministry-{i}" })
            .PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaignId}/settings", new { maxLoadPerExpert = 10 + i })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task TwoOfficersMarkingOneEnterpriseForAVisitAtOnceMarkItOnce()
    {
        var applicationId = Guid.CreateVersion7();
        var subject = new VisitSubject(applicationId, Guid.CreateVersion7(), ApplicationCategory.Enterprise, "河北某某考查竞态有限公司", "130000", true);
        var visitId = SiteVisit.IdFor(applicationId);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<SiteVisit>(visitId, null, state =>
        {
            race.Meet(writer);
            return SiteVisitDecider.Decide(new MarkForVisit(subject, $"ministry-{writer}"), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.IsType<SiteVisitMarked>(Assert.Single(await query.Events.FetchStreamAsync(visitId)).Data);
    }

    void WithdrawMeanwhile(Guid candidate) => Task.Run(async () =>
    {
        await using var other = app.Store.LightweightSession();
        await other.DecideAsync<ReviewCase>(candidate, null, state => ReviewCaseDecider.Decide(new WithdrawReviewCase(candidate), state,
            app.Clock.GetUtcNow()), CancellationToken.None);
    }).GetAwaiter().GetResult();

    async Task<ReviewCampaign> CampaignAsync(Guid id) => (await CampaignOrNullAsync(id))!;

    async Task<ReviewCampaign?> CampaignOrNullAsync(Guid id)
    {
        await using var query = app.Store.QuerySession();
        return await query.LoadAsync<ReviewCampaign>(id);
    }
}
