using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>Creates the service's own database on first start, so one server can host every service.</summary>
sealed class DatabaseCreator(string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = target.Database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"create database \"{target.Database!.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first (at the same moment, PostgreSQL reports a unique violation).
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
