using System.Net;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;
using CampaignNoted = ServiceManufacturing.Services.Evaluation.Campaigns.CampaignNoted;
using DemonstrationEnrolled = ServiceManufacturing.Services.Evaluation.Demonstrations.DemonstrationEnrolled;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>
/// Every stream of Evaluation with a fixed id (a demonstration, a filing, a campaign) written first by two writers at the
/// same moment (issue 8): one wins, the other is decided again and gets the rule's answer or succeeds, never a 500.
/// </summary>
public class FirstWriteRaceTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public async Task TwoEnrolmentsOfOneDemonstrationAtOnceEnrolItOnceAndTheSecondIsTold()
    {
        var facts = new RosterFacts(2, DemonstrationCategory.Enterprise, "深圳某某竞态有限公司", NewCreditCode(), "440300", 2019, null);
        var id = Demonstration.IdFor(facts.Batch, facts.CreditCode, facts.AuthorityCode, facts.Name);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<Demonstration>(id, null, state =>
        {
            race.Meet(writer);
            return DemonstrationDecider.Decide(new EnrollDemonstration(id, facts), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(DemonstrationRules.AlreadyEnrolled, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
        await using var query = app.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(id));
    }

    [Fact]
    public async Task TwoMinistryOfficersEnrollingOneDemonstrationAtOnceThroughTheApiGetCreatedAndConflictNeverA500()
    {
        var request = new { batch = 2, category = "enterprise", name = "深圳某某并发录入有限公司", creditCode = NewCreditCode(), authorityCode = "440300", year = 2019 };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            app.ClientFor(TestUsers.Ministry with { Subject = $"ministry-{i}" }).PostAsJsonAsync("/api/v1/demonstrations", request)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task OneRosterRowImportedTwiceAtOnceEnrolsTheDemonstrationOnce()
    {
        var facts = new RosterFacts(3, DemonstrationCategory.Platform, "深圳某某平台竞态有限公司", NewCreditCode(), "440300", 2021, null);
        var id = Demonstration.IdFor(facts.Batch, facts.CreditCode, facts.AuthorityCode, facts.Name);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<Demonstration>(id, null, state =>
        {
            race.Meet(writer);
            return DemonstrationDecider.Decide(new RecordRosterRow(id, facts, "ministry"), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.IsType<DemonstrationEnrolled>(Assert.Single(await query.Events.FetchStreamAsync(id)).Data);
    }

    [Fact]
    public async Task TwoFirstDraftsOfOneFilingAtOnceAreBothKeptTheLaterLast()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var demonstration = await EnrollAsync(app, new { batch = 3, category = "enterprise", name = "深圳某某草稿竞态有限公司", creditCode = code, authorityCode = "440300", year = 2021 });
        var id = EvaluationFiling.IdFor(campaign, demonstration.Id);
        Demonstration state;
        EvaluationCampaign known;
        await using (var read = app.Store.LightweightSession())
        {
            state = await FilingsApi.DemonstrationAsync(read, demonstration.Id, CancellationToken.None);
            known = (await read.LoadAsync<EvaluationCampaign>(campaign))!;
        }

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<EvaluationFiling>(id, null, filing =>
        {
            race.Meet(writer);
            var material = new EvaluationMaterial("正常经营", [new YearFigures(2021 + writer, 10000m, 3600m, 0.36m)], "成效");
            return FilingDecider.Decide(new SaveFilingDraft(id, known, state, material, "applicant"), filing, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamAsync(id)).Count);
    }

    [Fact]
    public async Task TwoMembersSavingTheFirstDraftAtOnceThroughTheApiAreBothAnsweredNeverA500()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var demonstration = await EnrollAsync(app, new { batch = 3, category = "enterprise", name = "深圳某某同时保存有限公司", creditCode = code, authorityCode = "440300", year = 2021 });
        var members = Enumerable.Range(0, 2).Select(_ => TestUsers.Applicant with { Subject = Guid.CreateVersion7().ToString(), CreditCode = code }).ToList();
        for (var i = 0; i < members.Count; i++) await VerifyMemberAsync(app, members[i].Subject, code, i + 1);

        var answers = await Task.WhenAll(members.Select(m => app.ClientFor(m)
            .PutAsJsonAsync($"/api/v1/demonstrations/{demonstration.Id}/filing?campaignId={campaign}", Draft(2021))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task ACampaignNotedByTwoDeliveriesAtOnceIsNotedOnce()
    {
        var id = Guid.CreateVersion7();
        var opened = new CampaignOpened(id, 2023, 5, "2023年第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 30), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31)), [],
            DateTimeOffset.UtcNow);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<EvaluationCampaign>(id, null, state =>
        {
            race.Meet(writer);
            return EvaluationCampaignDecider.Note(opened, state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.IsType<CampaignNoted>(Assert.Single(await query.Events.FetchStreamAsync(id)).Data);
    }
}
