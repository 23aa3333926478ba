using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// The chain's tail, anchored: every <c>Audit:AnchorInterval</c> (a minute by default) the service appends to
/// <c>sm_chain_anchor</c>, which its own role may only append to, the newest link (its sequence and hash) and a digest of
/// every link added since the previous anchor. Deleting the newest events with their links leaves no gap in the chain, but
/// the log then no longer reaches its last anchor; rewriting an event and its stream's links after it (as the owner could),
/// or deleting the last event of a stream with its link, leaves every stream consistent, but the links of that anchor's
/// range no longer match its digest. <see cref="EventChain.VerifyAsync"/> says so, at the anchored event. An anchor covers
/// links up to the daemon's high-water mark only, below which no transaction still to commit can add a link.
/// </summary>
public static class ChainAnchor
{
    public const string Table = "sm_chain_anchor";

    public static string Ddl(string schema) => $"""
        create table if not exists "{schema}".{Table} (
            id bigint generated always as identity primary key, seq_id bigint not null, hash bytea not null, anchored_at timestamptz not null);
        -- Anchors written before this column cover only their newest link.
        alter table "{schema}".{Table} add column if not exists from_seq_id bigint, add column if not exists links_digest bytea;
        """;

    /// <summary>The digest of the links after <paramref name="from"/> up to and including <paramref name="to"/>, in sequence order.</summary>
    static string LinksDigest(string schema, string from, string to) => $"""
        (select pg_catalog.sha256(pg_catalog.convert_to(coalesce(pg_catalog.string_agg(l.seq_id::text || ':' || pg_catalog.encode(l.hash, 'hex'), ','
            order by l.seq_id), ''), 'UTF8')) from "{schema}".{EventChain.Table} l where l.seq_id > {from} and l.seq_id <= {to})
        """;

    /// <summary>Anchors the newest link below the high-water mark, unless it is anchored already; the anchored sequence, or null.</summary>
    public static async Task<long?> AnchorAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with previous as (select coalesce(max(a.seq_id), 0) as seq_id from "{schema}".{Table} a),
                 mark as (select coalesce((select p.last_seq_id from "{schema}".mt_event_progression p where p.name = 'HighWaterMark'), 0) as seq_id),
                 newest as (select c.seq_id, c.hash from "{schema}".{EventChain.Table} c, mark m where c.seq_id <= m.seq_id
                    order by c.seq_id desc limit 1)
            insert into "{schema}".{Table} (seq_id, hash, anchored_at, from_seq_id, links_digest)
            select n.seq_id, n.hash, now(), p.seq_id, {LinksDigest(schema, "p.seq_id", "n.seq_id")}
            from newest n, previous p where n.seq_id > p.seq_id
            returning seq_id
            """);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>
    /// The first anchor the log no longer reaches (its event or link gone, or its link changed), or whose range's links no
    /// longer match its digest (a link rewritten or removed), as a broken link.
    /// </summary>
    internal static async Task<BrokenLink?> VerifyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select a.seq_id, e.seq_id is null or c.hash is distinct from a.hash from "{schema}".{Table} a
            left join "{schema}".{EventChain.Table} c on c.seq_id = a.seq_id
            left join "{schema}".mt_events e on e.seq_id = a.seq_id
            where e.seq_id is null or c.hash is distinct from a.hash
                or (a.links_digest is not null and a.links_digest is distinct from {LinksDigest(schema, "a.from_seq_id", "a.seq_id")})
            order by a.id limit 1
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var sequence = reader.GetInt64(0);
        return reader.GetBoolean(1)
            ? new(sequence, Guid.Empty, 0, "", "事件日志已到不了其锚点：该事件（及其后的事件）已被删除或改动。 / " +
                "The log no longer reaches its anchor: this event (and those after it) was deleted or changed.")
            : new(sequence, Guid.Empty, 0, "", "锚点所覆盖的链接已与其摘要不符：其间某一事件连同其链接被改写或删除。 / " +
                "The links up to this anchor no longer match its digest: an event in its range was rewritten or deleted with its link.");
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
