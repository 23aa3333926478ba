using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// The chain's tail, anchored: every <c>Audit:AnchorInterval</c> (a minute by default) the service appends the newest link
/// (its sequence and hash) to <c>sm_chain_anchor</c>, which its own role may only append to. Deleting the newest events
/// with their links leaves no gap in the chain, but the log then no longer reaches its last anchor, and
/// <see cref="EventChain.VerifyAsync"/> says so at the anchored event.
/// </summary>
public static class ChainAnchor
{
    public const string Table = "sm_chain_anchor";

    public static string Ddl(string schema) => $"""
        create table if not exists "{schema}".{Table} (
            id bigint generated always as identity primary key, seq_id bigint not null, hash bytea not null, anchored_at timestamptz not null);
        """;

    /// <summary>Anchors the newest link, unless it is anchored already; the anchored sequence, or null for an empty store.</summary>
    public static async Task<long?> AnchorAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            insert into "{schema}".{Table} (seq_id, hash, anchored_at)
            select c.seq_id, c.hash, now() from "{schema}".{EventChain.Table} c
            where not exists (select 1 from "{schema}".{Table} a where a.seq_id >= c.seq_id)
            order by c.seq_id desc limit 1
            returning seq_id
            """);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>The first anchor the log no longer reaches (its event or link gone, or its link changed), as a broken link.</summary>
    internal static async Task<BrokenLink?> VerifyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select a.seq_id from "{schema}".{Table} a
            left join "{schema}".{EventChain.Table} c on c.seq_id = a.seq_id
            left join "{schema}".mt_events e on e.seq_id = a.seq_id
            where e.seq_id is null or c.hash is distinct from a.hash
            order by a.id limit 1
            """);
        return await command.ExecuteScalarAsync(ct) is long sequence
            ? new(sequence, Guid.Empty, 0, "", "事件日志已到不了其锚点：该事件（及其后的事件）已被删除或改动。 / " +
                "The log no longer reaches its anchor: this event (and those after it) was deleted or changed.")
            : null;
    }
}

/// <summary>Anchors the chain's tail now and then (<see cref="ChainAnchor"/>).</summary>
sealed class ChainAnchoring(AuditTrail trail, IConfiguration configuration, ILogger<ChainAnchoring> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Audit:AnchorInterval", TimeSpan.FromMinutes(1)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await trail.AnchorAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The chain's tail could not be anchored; the next tick tries again.");
            }
        }
    }
}
