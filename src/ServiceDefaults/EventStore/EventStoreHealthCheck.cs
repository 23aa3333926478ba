using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>Ready only while the service's database answers.</summary>
sealed class EventStoreHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The event store does not answer.", e);
        }
    }
}
