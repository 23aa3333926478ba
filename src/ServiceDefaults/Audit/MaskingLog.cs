using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// The one way personal data leaves a stored event: run as the store's owner (the service's own role may not UPDATE events
/// nor write this log), it replaces the named fields (<see cref="EventMasking"/>) and, in the same transaction, appends to
/// <c>sm_event_masking</c> who, when, why, which event and fields, and the digests of the data before and after, each record
/// chained to the one before; and it appends <see cref="EventDataMasked"/> to the store, so the masking is in the audit
/// trail. The event's link covers the digest of its data as written (<see cref="EventChain.DigestFormat"/>), so it verifies
/// with the recorded digest, as long as its data is still what the masking left.
/// </summary>
public static class MaskingLog
{
    public const string Table = "sm_event_masking";

    public static string Ddl(string schema) => $"""
        create table if not exists "{schema}".{Table} (
            id bigint generated always as identity primary key, seq_id bigint not null, event_id uuid not null,
            masked_at timestamptz not null, masked_by text not null, reason text not null, fields text not null,
            original_digest bytea not null, masked_digest bytea not null, hash bytea not null);
        create index if not exists sm_event_masking_seq on "{schema}".{Table} (seq_id, id);
        """;

    /// <summary>A join that gives the event row named <paramref name="row"/> its latest masking record as <c>m</c> (none: nulls).</summary>
    public static string LatestOf(string row, string schema) => $"""
        left join lateral (select x.original_digest, x.masked_digest from "{schema}".{Table} x where x.seq_id = {row}.seq_id
            order by x.id desc limit 1) m on true
        """;

    /// <summary>Masks what <paramref name="command"/> names in the event <paramref name="eventId"/>, as <paramref name="user"/>.</summary>
    public static async Task<EventDataMasked> MaskAsync(NpgsqlDataSource owner, IDocumentStore store, Guid eventId, MaskEventData command,
        CurrentUser user, DateTimeOffset now, string? correlationId, IReadOnlyList<Guid> applications, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var at = new DateTime(now.UtcTicks - now.UtcTicks % 10, DateTimeKind.Utc); // what timestamptz keeps
        await using var connection = await owner.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"set local search_path to \"{schema}\"; select pg_advisory_xact_lock(hashtext('event-masking:{schema}'))", ct);
        await using var read = new NpgsqlCommand($"""
            select e.seq_id, e.stream_id, e.data::text, c.format, c.hash, p.hash,
                {EventChain.Canonical("e", $"coalesce(m.original_digest, {EventChain.DataDigest("e")})")},
                m.masked_digest, coalesce(m.original_digest, {EventChain.DataDigest("e")}), {EventChain.DataDigest("e")}
            from mt_events e
            left join {EventChain.Table} c on c.seq_id = e.seq_id
            left join {EventChain.Table} p on p.stream_id = e.stream_id and p.version = e.version - 1
            {LatestOf("e", schema)}
            where e.id = $1 for update of e
            """, connection) { Parameters = { new() { Value = eventId } } };
        long sequence;
        Guid stream;
        string masked;
        byte[] original;
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new RuleViolation(EventMasking.EventNotFound);
            (sequence, stream) = (reader.GetInt64(0), reader.GetGuid(1));
            if (reader.IsDBNull(3)) throw new RuleViolation(EventMasking.EventAltered, "no link");
            if (reader.GetInt16(3) < EventChain.DigestFormat) throw new RuleViolation(EventMasking.LinkWithoutDigest);
            var previous = reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5);
            var changedSinceMasked = !reader.IsDBNull(7) && !reader.GetFieldValue<byte[]>(7).AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(9));
            // Masking must not launder an unrecorded change: the event must verify before it is masked.
            if (changedSinceMasked || !EventChain.Link(previous, reader.GetString(6)).AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(4)))
                throw new RuleViolation(EventMasking.EventAltered);
            masked = EventMasking.Masked(reader.GetString(2), command);
            original = reader.GetFieldValue<byte[]>(8);
        }
        await using var update = new NpgsqlCommand($"update mt_events set data = $2::jsonb where seq_id = $1 returning {EventChain.DataDigest("mt_events")}",
            connection) { Parameters = { new() { Value = sequence }, new() { Value = masked } } };
        var maskedDigest = (byte[])(await update.ExecuteScalarAsync(ct))!;
        var fields = string.Join(",", command.Fields.Distinct());
        await using var last = new NpgsqlCommand($"select hash from {Table} order by id desc limit 1", connection);
        var hash = RecordLink(await last.ExecuteScalarAsync(ct) as byte[], sequence, eventId, at, user.AuditName, command.Reason, fields, original, maskedDigest);
        await using var insert = new NpgsqlCommand($"""
            insert into {Table} (seq_id, event_id, masked_at, masked_by, reason, fields, original_digest, masked_digest, hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, connection)
        {
            Parameters =
            {
                new() { Value = sequence }, new() { Value = eventId }, new() { Value = at }, new() { Value = user.AuditName },
                new() { Value = command.Reason }, new() { Value = fields }, new() { Value = original }, new() { Value = maskedDigest }, new() { Value = hash },
            },
        };
        await insert.ExecuteNonQueryAsync(ct);
        var recorded = new EventDataMasked(sequence, eventId, stream, [.. command.Fields.Distinct()], command.Reason,
            Convert.ToHexStringLower(original), Convert.ToHexStringLower(maskedDigest), user.Subject, user.Role, now, [.. applications]);
        await using (var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)))
        {
            session.LastModifiedBy = user.AuditName;
            session.CorrelationId = correlationId;
            session.Events.StartStream<AccessRecord>(Guid.CreateVersion7(), recorded);
            await session.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return recorded;
    }

    /// <summary>The first masking record that does not match its link (edited, or one before it deleted), as a broken link.</summary>
    internal static async Task<BrokenLink?> VerifyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select m.seq_id, m.event_id, m.masked_at, m.masked_by, m.reason, m.fields, m.original_digest, m.masked_digest, m.hash,
                coalesce(e.stream_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(e.version, 0), coalesce(e.type, '')
            from "{schema}".{Table} m left join "{schema}".mt_events e on e.seq_id = m.seq_id order by m.id
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        byte[]? previous = null;
        while (await reader.ReadAsync(ct))
        {
            var link = RecordLink(previous, reader.GetInt64(0), reader.GetGuid(1), reader.GetFieldValue<DateTime>(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetFieldValue<byte[]>(6), reader.GetFieldValue<byte[]>(7));
            previous = reader.GetFieldValue<byte[]>(8);
            if (!link.AsSpan().SequenceEqual(previous))
                return new(reader.GetInt64(0), reader.GetGuid(9), reader.GetInt64(10), reader.GetString(11),
                    "该事件的遮蔽记录与其链接不符：记录被改动，或其前一条被删除。 / The event's masking record does not match its link: it was changed, or the one before it deleted.");
        }
        return null;
    }

    static byte[] RecordLink(byte[]? previous, long sequence, Guid eventId, DateTime at, string by, string reason, string fields,
        byte[] original, byte[] masked) =>
        EventChain.Link(previous, string.Join('|', sequence, eventId, at.ToString("O"), by, reason, fields,
            Convert.ToHexStringLower(original), Convert.ToHexStringLower(masked)));

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
