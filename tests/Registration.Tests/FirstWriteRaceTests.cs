using System.Net;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.AuthorityContacts;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Services.Registration.Roster;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// Every stream of Registration with a fixed id (a city's application slot, an authority's contact, a campaign, a roster
/// entry) written first by two writers at the same moment: one wins, the other is decided again and gets the rule's
/// answer, never a 500.
/// </summary>
public class FirstWriteRaceTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task TwoCityApplicationsOfOneSeparatelyPlannedCitySubmittedAtOnceTakeItsSlotOnceAndTheOtherIsRefused()
    {
        var ningbo = TestUsers.CityAuthority with { Subject = "city-ningbo-race" };
        Guid[] drafts = [
            await app.DraftAsync(ningbo, "city", "330200", Forms.City("宁波市")),
            await app.DraftAsync(ningbo, "city", "330200", Forms.City("宁波市", CityClass.IndustrialDesign))];
        var campaign = await CampaignAsync(FifthBatch2023.Id);
        var slot = CityApplicationSlot.IdFor(FifthBatch2023.Id, "330200");

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync(
            [StreamToWrite.Of<Application>(drafts[writer]), StreamToWrite.Of<CityApplicationSlot>(slot)], states =>
            {
                race.Meet(writer);
                var application = states.Of<Application>(drafts[writer]);
                return CityApplicationSlotDecider.Decide(new SubmitApplication(drafts[writer], campaign, false, false, SubmissionContent.Hash(application!)),
                    application, states.Of<CityApplicationSlot>(slot), app.Clock.GetUtcNow());
            }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(ApplicationRules.OneCityPerSeparatelyPlannedCity, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
        await using var query = app.Store.QuerySession();
        var taken = Assert.IsType<CityApplicationSlotTaken>(Assert.Single(await query.Events.FetchStreamAsync(slot)).Data);
        Assert.Equal(drafts[Array.IndexOf(outcomes, null)], taken.ApplicationId);
    }

    [Fact]
    public async Task TwoFirstReportsOfAnAuthoritysContactAtOnceAreBothKeptTheLaterLast()
    {
        var campaign = await CampaignAsync(FifthBatch2023.Id);
        var contact = AuthorityContact.StreamId(FifthBatch2023.Id, "130000");

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<AuthorityContact>(contact, null, state =>
        {
            race.Meet(writer);
            return ContactDecider.Decide(new ReportContactPerson(campaign, "130000", $"联系人{writer}", "处长", "0311-8666 0000", null,
                "contact@example.cn", "officer"), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamAsync(contact)).Count);
    }

    [Fact]
    public async Task TwoOpeningsOfOneCampaignAtOnceOpenItOnceAndTheOtherIsToldItExists()
    {
        var command = FifthBatch2023.Command with { CampaignId = Guid.CreateVersion7() };

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<Campaign>(command.CampaignId, null, state =>
        {
            race.Meet(writer);
            return CampaignDecider.Decide(command, state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(CampaignRules.AlreadyExists, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
    }

    [Fact]
    public async Task ADemonstrationEnrolledTwiceAndTakenAtOnceIsOnTheRosterOnce()
    {
        await using var evaluation = await BrokerProbe<Published.DemonstrationEnrolled>.StartAsync(app);
        var enrolled = new Published.DemonstrationEnrolled(Guid.CreateVersion7(), 3, Published.DemonstrationCategory.Enterprise, "某某重复投递公司",
            "91130000MA0000000X", "130000", DateTimeOffset.UtcNow);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => evaluation.PublishAsync(enrolled, Guid.CreateVersion7())));
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<EarlierDemonstration>(enrolled.DemonstrationId);
        });
        await Task.Delay(TimeSpan.FromSeconds(2)); // the other deliveries are taken too

        await using var query = app.Store.QuerySession();
        Assert.IsType<EarlierDemonstrationRecorded>(Assert.Single(await query.Events.FetchStreamAsync(enrolled.DemonstrationId)).Data);
    }

    async Task<Campaign> CampaignAsync(Guid id)
    {
        await using var query = app.Store.QuerySession();
        return (await query.LoadAsync<Campaign>(id))!;
    }
}
