using System.Net;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Identity.Organisations;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>
/// Identity's streams with a fixed id (an organisation, an expert's account name) written first by two writers at the
/// same moment (issue 8): one wins, the other is decided again and gets the rule's answer or succeeds, never a 500.
/// </summary>
public class FirstWriteRaceTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task TwoAccountsOfANewOrganisationAskingForBindingAtOnceAreBothPending()
    {
        var creditCode = NewCreditCode();
        var id = Organisation.IdFor(creditCode);

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<Organisation>(id, null, state =>
        {
            race.Meet(writer);
            return OrganisationDecider.Decide(Request(creditCode, Guid.CreateVersion7(), writer), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.All(outcomes, Assert.Null);
        await using var query = app.Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamAsync(id)).Count(e => e.Data is OrganisationBindingRequested));
    }

    [Fact]
    public async Task OneAccountAskingForBindingTwiceAtOnceIsPendingOnceAndTheSecondIsTold()
    {
        var creditCode = NewCreditCode();
        var id = Organisation.IdFor(creditCode);
        var account = Guid.CreateVersion7();

        var outcomes = await FirstWriteRace.RunAsync(app.Store, (session, race, writer) => session.DecideAsync<Organisation>(id, null, state =>
        {
            race.Meet(writer);
            return OrganisationDecider.Decide(Request(creditCode, account, writer), state, app.Clock.GetUtcNow());
        }, CancellationToken.None));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(OrganisationRules.BindingPending, Assert.IsType<RuleViolation>(Assert.Single(outcomes, o => o is not null)).Rule);
    }

    [Fact]
    public async Task TwoExpertsCreatedWithOneUserNameAtOnceGetCreatedAndConflictNeverA500()
    {
        var userName = "expert.race." + Random.Shared.Next(1_000_000);
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => app.ClientFor(TestUsers.Ministry with { Subject = $"ministry-{i}" })
            .PostAsJsonAsync("/api/v1/experts", new
            {
                userName, password = "Expert-Password-1",
                profile = new
                {
                    name = "王评审", organisation = "上海某某大学", creditCode = "121100004000000115", authorityCode = "310000",
                    serviceModes = new[] { "customization" }, cityClasses = new[] { "comprehensive" }, availableDates = new[] { "2023-07-04" },
                },
            })));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
    }

    static RequestBinding Request(string creditCode, Guid account, int writer) => new(creditCode, Guid.CreateVersion7(), account,
        writer == 0 ? "李明" : "王芳", "深圳某某竞态有限公司", "440300", new LicenceScan(Guid.CreateVersion7(), "application/pdf", 100, new string('a', 64)),
        $"applicant-{writer}");

    static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = "9144030" + string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }
}
