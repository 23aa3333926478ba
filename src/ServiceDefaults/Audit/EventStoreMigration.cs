using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// Migrates the service's store as the owner before the service works as its own role: Marten's schema (with the same
/// options the service runs with), the hash chain's table and trigger, and the service role's grants. Replicas starting
/// together migrate one after the other (an advisory lock), the second finding nothing to do.
/// </summary>
sealed class EventStoreMigration(string ownerConnectionString, Func<IServiceProvider, StoreOptions> options, IServiceProvider services)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var storeOptions = options(services);
        var schema = storeOptions.Events.DatabaseSchemaName;
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var locked = new NpgsqlCommand("select pg_advisory_lock(hashtext($1))", connection)
                     // As long as the other replica migrates (slow on a loaded machine); its lock goes with its connection.
                     { Parameters = { new() { Value = "event-store-migration:" + schema } }, CommandTimeout = 0 })
            await locked.ExecuteNonQueryAsync(ct); // released when the connection closes
        using (var store = new DocumentStore(storeOptions))
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var chain = new NpgsqlCommand(EventChain.Ddl(schema), connection))
            await chain.ExecuteNonQueryAsync(ct);
        await ServiceRole.GrantAsync(connection, ownerConnectionString, schema, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
