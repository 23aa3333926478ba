using System.Diagnostics;
using Marten;
using Npgsql;
using Weasel.Core;

namespace ServiceManufacturing.Tests.EndToEnd.Benchmarks;

/// <summary>An event of the baseline: about the size of a submission's.</summary>
public sealed record BaselineEventAppended(Guid Id, string OrganisationName, string CreditCode, DateTimeOffset At);

/// <summary>
/// What the system's PostgreSQL can do with Marten and nothing else: one-event appends to new streams, as many writers as
/// the surge had, with the services' own Marten settings (System.Text.Json, the same event metadata, lightweight
/// sessions), in a database of its own on the same server.
/// </summary>
public static class BaselineAppends
{
    public static async Task<double> EventsPerSecondAsync(string serverConnectionString, int events, int writers)
    {
        var database = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "bench_baseline", Pooling = true, MaxPoolSize = writers + 4 };
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS bench_baseline WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE bench_baseline", server);
            await create.ExecuteNonQueryAsync();
        }
        using var store = DocumentStore.For(options =>
        {
            options.Connection(database.ConnectionString);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.MetadataConfig.CorrelationIdEnabled = true;
            options.Events.MetadataConfig.CausationIdEnabled = true;
            options.Events.MetadataConfig.HeadersEnabled = true;
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.AddEventType<BaselineEventAppended>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // One warm-up append per writer (connections opened, code compiled), then the timed ones.
        await AppendAsync(store, writers, writers);
        var clock = Stopwatch.StartNew();
        await AppendAsync(store, events, writers);
        return events / clock.Elapsed.TotalSeconds;
    }

    static async Task AppendAsync(IDocumentStore store, int events, int writers)
    {
        var remaining = events;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await using var session = store.LightweightSession();
                var id = Guid.CreateVersion7();
                session.Events.StartStream(id, new BaselineEventAppended(id, "深圳某某制造有限公司", "91440300MA5XXXXXXX", DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }
        }));
    }
}
