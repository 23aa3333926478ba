using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>The first stored event whose link in its stream's hash chain does not match what its row says now.</summary>
/// <param name="Sequence">The event's global sequence number in the service's store.</param>
/// <param name="StreamId">The stream the event belongs to.</param>
/// <param name="Version">The event's version in its stream.</param>
/// <param name="EventType">The event's stored type name.</param>
/// <param name="Reason">Why the link fails, in Chinese and English.</param>
public sealed record BrokenLink(long Sequence, Guid StreamId, long Version, string EventType, string Reason);

/// <summary>What a verification of a service's hash chain found.</summary>
/// <param name="Service">The service whose store was verified.</param>
/// <param name="StreamId">The one stream verified, or null for the whole store.</param>
/// <param name="EventsChecked">How many events were recomputed.</param>
/// <param name="Intact">Whether every event matches its link.</param>
/// <param name="FirstBroken">The first event (in store order) that does not match, if any.</param>
public sealed record ChainVerification(string Service, Guid? StreamId, long EventsChecked, bool Intact, BrokenLink? FirstBroken);

/// <summary>
/// Tamper evidence. Every row appended to <c>mt_events</c>, by whatever path (an endpoint, a consumer, the relay, a seeding),
/// gets a link in <c>sm_event_chain</c> from a trigger: SHA-256 over the previous event's link in the same stream and the
/// event's stable fields (<see cref="Canonical"/>). The services' own database role may read the chain but not write it,
/// and may not UPDATE or DELETE events. <see cref="VerifyAsync"/> recomputes the links in C# from the rows as they are now
/// and names the first that does not match: an edited row, a row whose link is missing, or a gap where an event was deleted.
/// </summary>
public static class EventChain
{
    public const string Table = "sm_event_chain";

    /// <summary>
    /// The fields an event's link covers, as one text, for a row named <paramref name="row"/> (e.g. NEW in the trigger).
    /// A link of <see cref="DigestFormat"/> covers the digest <paramref name="dataDigest"/> of the event's data (by default
    /// its digest now), so that personal data can be masked and the link still verified with the digest recorded when it
    /// was masked (<see cref="MaskingLog"/>); a link of the first format, written before, covers the data itself.
    /// </summary>
    public static string Canonical(string row, string? dataDigest = null, bool digest = true) =>
        $"pg_catalog.concat_ws('|', {row}.seq_id::text, {row}.id::text, {row}.stream_id::text, {row}.version::text, {row}.type, " +
        (digest ? $"pg_catalog.encode({dataDigest ?? DataDigest(row)}, 'hex')" : $"{row}.data::text") +
        $", extract(epoch from {row}.timestamp)::text, coalesce({row}.correlation_id, ''), " +
        $"coalesce({row}.causation_id, ''), coalesce({row}.headers::text, ''), coalesce({row}.user_name, ''), coalesce({row}.tenant_id, ''))";

    /// <summary>The SHA-256 of the data of the event row named <paramref name="row"/>.</summary>
    public static string DataDigest(string row) => $"pg_catalog.sha256(pg_catalog.convert_to({row}.data::text, 'UTF8'))";

    /// <summary>The format of the links written since links cover a digest of the data (1: links written before, over the data).</summary>
    public const short DigestFormat = 2;

    /// <summary>
    /// The chain's table, its trigger function (run as its owner) and the trigger on the events table. The function runs
    /// with its owner's rights, so it looks up nothing in the service's schema: its search path is pg_catalog only (pg_temp
    /// last, never searched for functions), its tables and functions are named in full, so no function or operator the
    /// service's role could make would run as the owner (the role has no CREATE on the schema either: <see cref="ServiceRole"/>).
    /// </summary>
    public static string Ddl(string schema) => $"""
        create table if not exists "{schema}".{Table} (
            seq_id bigint primary key, stream_id uuid not null, version bigint not null, hash bytea not null,
            unique (stream_id, version));
        -- Links written before there were formats cover the data itself (format 1) and stay verifiable as they are.
        alter table "{schema}".{Table} add column if not exists format smallint not null default 1;
        {MaskingLog.Ddl(schema)}
        {ChainAnchor.Ddl(schema)}
        create or replace function "{schema}".sm_chain_event() returns trigger language plpgsql security definer
        set search_path = pg_catalog, pg_temp as $chain$
        declare previous bytea;
        begin
            select c.hash into previous from "{schema}".{Table} c where c.stream_id = NEW.stream_id and c.version = NEW.version - 1;
            insert into "{schema}".{Table} (seq_id, stream_id, version, hash, format) values (NEW.seq_id, NEW.stream_id, NEW.version,
                pg_catalog.sha256(pg_catalog.convert_to(coalesce(pg_catalog.encode(previous, 'hex'), '') operator(pg_catalog.||) '|'
                    operator(pg_catalog.||) {Canonical("NEW")}, 'UTF8')), {DigestFormat});
            return null;
        end $chain$;
        create or replace trigger sm_chain_event after insert on "{schema}".mt_events
            for each row execute function "{schema}".sm_chain_event();
        """;

    /// <summary>The link of an event whose previous link is <paramref name="previous"/> and whose canonical text is <paramref name="canonical"/>.</summary>
    public static byte[] Link(byte[]? previous, string canonical) =>
        SHA256.HashData(Encoding.UTF8.GetBytes((previous is null ? "" : Convert.ToHexStringLower(previous)) + "|" + canonical));

    /// <summary>Recomputes every link of the store in <paramref name="schema"/> (or of one stream) in store order.</summary>
    public static async Task<ChainVerification> VerifyAsync(NpgsqlDataSource database, string schema, string service, Guid? streamId,
        CancellationToken ct)
    {
        var sql = $"""
            select e.seq_id, e.stream_id, e.version, e.type, {Canonical("e", digest: false)}, c.hash, p.hash, c.seq_id is null,
                c.format, {Canonical("e", $"coalesce(m.original_digest, {DataDigest("e")})")}, m.masked_digest, {DataDigest("e")}
            from "{schema}".mt_events e
            left join "{schema}".{Table} c on c.seq_id = e.seq_id
            left join "{schema}".{Table} p on p.stream_id = e.stream_id and p.version = e.version - 1
            {MaskingLog.LatestOf("e", schema)}
            {(streamId is null ? "" : "where e.stream_id = $1")}
            order by e.seq_id
            """;
        await using var command = database.CreateCommand(sql);
        if (streamId is { } id) command.Parameters.Add(new NpgsqlParameter { Value = id });
        long checkedCount = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                checkedCount++;
                var (sequence, stream, version, type) = (reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3));
                BrokenLink Broken(string reason) => new(sequence, stream, version, type, reason);
                if (reader.GetBoolean(7))
                    return Failed(Broken("该事件没有链接：未经系统写入。 / The event has no link: it was not written by the system."));
                var previous = reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6);
                if (previous is null && version > 1)
                    return Failed(Broken("同一事件流中的前一事件已缺失。 / The previous event of its stream is missing."));
                var digestLinked = reader.GetInt16(8) >= DigestFormat;
                // A masked event's data must be what the masking left: any change after it is as unrecorded as any other.
                if (digestLinked && !reader.IsDBNull(10) && !reader.GetFieldValue<byte[]>(10).AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(11)))
                    return Failed(Broken("事件在遮蔽之后又被改动。 / The event was changed after it was masked."));
                if (!Link(previous, reader.GetString(digestLinked ? 9 : 4)).AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(5)))
                    return Failed(Broken("事件内容与其哈希链接不符：写入后被改动。 / The event does not match its link: it was changed after it was written."));
            }
        }
        if (await OrphanLinkAsync(database, schema, streamId, ct) is { } orphan) return Failed(orphan);
        if (streamId is null && await MaskingLog.VerifyAsync(database, schema, ct) is { } record) return Failed(record);
        if (streamId is null && await ChainAnchor.VerifyAsync(database, schema, ct) is { } anchor) return Failed(anchor);
        return new(service, streamId, checkedCount, true, null);

        ChainVerification Failed(BrokenLink link) => new(service, streamId, checkedCount, false, link);
    }

    static async Task<BrokenLink?> OrphanLinkAsync(NpgsqlDataSource database, string schema, Guid? streamId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select c.seq_id, c.stream_id, c.version from "{schema}".{Table} c
            where not exists (select 1 from "{schema}".mt_events e where e.seq_id = c.seq_id) {(streamId is null ? "" : "and c.stream_id = $1")}
            order by c.seq_id limit 1
            """);
        if (streamId is { } id) command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), "",
                "该事件已被删除，其链接仍在。 / The event was deleted; its link remains.")
            : null;
    }
}
