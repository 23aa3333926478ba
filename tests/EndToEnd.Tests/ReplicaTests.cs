using Xunit.Abstractions;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>The whole system with two replicas of each service (the AppHost's Services:Replicas option), on servers of its own.</summary>
public sealed class ReplicatedSystem() : WholeSystem(perUserLimit: 1_000_000, postgresPort: 29432, amqpPort: 29682, name: "replicas", replicas: 2);

/// <summary>
/// Two replicas of every service take a burst of submissions: each replica's daemon runs HotCold, so one relay per
/// service publishes, and Review opens exactly one case per submission, none missing and none twice.
/// </summary>
// In the whole system's collection, so that the replicated system starts while no other end-to-end test runs: two systems
// starting and working at once on two cores took it past its ten minutes.
[Collection(WholeSystemCollection.Name)]
public class ReplicaTests(ReplicatedSystem system, ITestOutputHelper output) : IClassFixture<ReplicatedSystem>
{
    const int Applicants = 40;

    /// <summary>Each service, and the database whose daemon (relay) its replicas elect a leader for.</summary>
    static readonly (string Service, string Database)[] Services =
        [("registration", "registrationdb"), ("review", "reviewdb"), ("evaluation", "evaluationdb"), ("identity", "identitydb")];

    /// <summary>
    /// Fault drill: mid-load, one of the two replicas of every service is killed (SIGKILL) at once, and of each the one
    /// that leads the daemon, so that the other replica must take over the relay once PostgreSQL has let the dead one's
    /// advisory lock go. The gateway keeps serving through the other replicas: submissions go on being acknowledged
    /// while the killed ones are down, and a request that met a dead replica is refused as a problem (503 with
    /// Retry-After), never a 500. Then the killed replicas are started again, and every acknowledged submission has one
    /// stored event and one review case.
    /// </summary>
    [Fact, Trait("Category", "FaultDrill")]
    public Task OneReplicaOfEachServiceKilledUnderLoadLeavesTheOtherServingAndLosesNothingAcknowledged() =>
        FaultDrill.RunAsync(system, "故障演练副本", async load =>
        {
            var killed = new List<(string Service, string Id, int ProcessId)>();
            foreach (var (service, database) in Services)
            {
                var instances = await system.InstancesOfAsync(service);
                Assert.Equal(2, instances.Count);
                var leader = await system.DaemonLeaderAsync(database);
                var (id, processId) = Assert.Single(instances, i => WholeSystem.IsWithin(leader, i.ProcessId));
                killed.Add((service, id, processId));
            }
            await Task.WhenAll(killed.Select(k => system.KillAsync(k.Service, k.Id, k.ProcessId)));
            await load.AcknowledgedMoreAsync("submissions acknowledged by the replicas left", TimeSpan.FromMinutes(1));
            var restart = System.Diagnostics.Stopwatch.StartNew();
            await Task.WhenAll(killed.Select(k => system.RestartAsync(k.Service, k.Id, k.ProcessId, TimeSpan.FromMinutes(4), output.WriteLine)));
            output.WriteLine($"replicas: the killed ones running and healthy again {restart.Elapsed.TotalSeconds:0.0} s after they were started");
        }, expect503: null, output, recovery: TimeSpan.FromMinutes(2));

    [Fact]
    public async Task TwoReplicasOfEachServiceOpenOneReviewCaseForEachOfABurstOfSubmissions()
    {
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var service in new[] { "identity", "registration", "review", "evaluation" })
            Assert.Equal(2, model.Resources.OfType<ProjectResource>().Single(r => r.Name == service)
                .Annotations.OfType<ReplicaAnnotation>().Single().Replicas);

        // Everyone signs in first, then all submit at once.
        var filings = Enumerable.Range(1, Applicants).Select(i => Screening.Enterprise("440300", "440300", $"深圳某某副本制造有限公司{i:00}")).ToList();
        var applicants = await Task.WhenAll(filings.Select(async f => (Client: await Screening.AccountAsync(system, f), Filing: f)));
        var submitted = await Task.WhenAll(applicants.Select(a => Api.CreateAndSubmitAsync(a.Client, a.Filing.Name, "440300", a.Filing.CreditCode)));
        Assert.Equal(Applicants, submitted.Distinct().Count());

        // Each case by its id (the worklist's first page may be full of the fault drill's applications, of the same authority).
        using var officer = await system.ClientAsync("officer.shenzhen");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var missing = submitted.ToList();
        while (missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            var found = await Task.WhenAll(missing.Select(async id =>
            {
                using var response = await officer.GetAsync($"/api/v1/review-cases/{id}");
                return (Id: id, Open: response.StatusCode == System.Net.HttpStatusCode.OK);
            }));
            missing = found.Where(f => !f.Open).Select(f => f.Id).ToList();
            if (missing.Count > 0) await Task.Delay(500);
        }
        Assert.Empty(missing);

        await Task.Delay(TimeSpan.FromSeconds(3)); // a second relay, if there were one, would have delivered by now
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        await using var opened = new NpgsqlCommand(
            "select count(*), count(distinct stream_id) from public.mt_events where type = 'review_case_opened' and stream_id = any($1)", review)
        {
            Parameters = { new() { Value = submitted } },
        };
        await using var reader = await opened.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((long)Applicants, reader.GetInt64(0));
        Assert.Equal((long)Applicants, reader.GetInt64(1));

        // HotCold: in each service's database each of the daemon's shards (the relay, the history projection) is led by
        // exactly one connection holding its advisory lock; the other replica waits to take over. Solo would hold none,
        // and run two relays.
        foreach (var database in new[] { "registrationdb", "reviewdb" })
        {
            await using var connection = await system.OpenDatabaseAsync(database);
            await using var leaders = new NpgsqlCommand("select count(*), count(distinct objid) from pg_locks where locktype = 'advisory' and granted " +
                "and database = (select oid from pg_database where datname = current_database())", connection);
            await using var held = await leaders.ExecuteReaderAsync();
            Assert.True(await held.ReadAsync());
            Assert.True(held.GetInt64(0) >= 1, $"no daemon leader in {database}");
            Assert.Equal(held.GetInt64(1), held.GetInt64(0));
        }
    }
}
