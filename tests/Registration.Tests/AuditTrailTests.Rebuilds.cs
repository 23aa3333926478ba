using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Documents;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Projections rebuilt from the events, through the operator's endpoint.</summary>
public partial class AuditTrailTests
{
    [Fact]
    public async Task AProjectionDroppedAndRebuiltFromTheEventsEqualsTheLiveOne()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        var live = await DetailsJsonAsync();
        Assert.Contains(id.ToString(), live);
        await using (var superuser = await app.SuperuserAsync())
        await using (var drop = new NpgsqlCommand("delete from mt_doc_applicationdetails", superuser))
            Assert.True(await drop.ExecuteNonQueryAsync() > 0);
        Assert.DoesNotContain(id.ToString(), await DetailsJsonAsync());

        var ministry = app.ClientFor(TestUsers.Ministry);
        var rebuilt = await AuditProbe.RebuildAsync(ministry, "registration", "ApplicationDetails");

        Assert.Equal((ProjectionRebuildStatus.Succeeded, null), (rebuilt.State, rebuilt.Error));
        Assert.True(rebuilt.EventsTotal > 0 && rebuilt.EventsDone >= rebuilt.EventsTotal && rebuilt.FinishedAt >= rebuilt.StartedAt);
        Assert.Equal(live, await DetailsJsonAsync());
        // Another replica (a second instance of the service's rebuilds, sharing only the database) answers for it too.
        var otherReplica = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<ProjectionRebuilds>(app.Services);
        var recorded = await otherReplica.FindAsync("ApplicationDetails", rebuilt.Id, CancellationToken.None);
        Assert.Equal(rebuilt with { StartedAt = default, FinishedAt = null }, recorded! with { StartedAt = default, FinishedAt = null });
        Assert.Equal((rebuilt.StartedAt.UtcTicks / 10, rebuilt.FinishedAt!.Value.UtcTicks / 10),
            (recorded.StartedAt.UtcTicks / 10, recorded.FinishedAt!.Value.UtcTicks / 10));
        Assert.Null(await otherReplica.FindAsync("ReviewCaseDetails", rebuilt.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownProjectionOrRebuildIsNotFoundAndTheProjectionsAreListed()
    {
        var ministry = app.ClientFor(TestUsers.Ministry);
        Assert.Equal(HttpStatusCode.NotFound, (await ministry.PostAsync("/api/v1/audit/registration/projections/NoSuchThing/rebuilds", null)).StatusCode);
        var unknown = await ministry.GetAsync($"/api/v1/audit/registration/projections/ApplicationDetails/rebuilds/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("projection-rebuild-not-found", await unknown.Content.ReadAsStringAsync());
        var names = await ministry.GetFromJsonAsync<List<string>>("/api/v1/audit/registration/projections", Json);
        Assert.Contains("ApplicationDetails", names!);
        Assert.Equal(names!.Order(), names);
    }

    async Task<string> DetailsJsonAsync()
    {
        await using var session = app.Store.QuerySession();
        var all = await session.Query<ApplicationDetails>().OrderBy(d => d.Id).ToListAsync();
        return JsonSerializer.Serialize(all, Json);
    }
}
