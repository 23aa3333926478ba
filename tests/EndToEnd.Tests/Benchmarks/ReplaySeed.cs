using System.Diagnostics;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd.Benchmarks;

/// <summary>
/// A million events in a service's own event store, fast: copies of one stored event (and its stream), each in a stream
/// of its own (version 1, the stream's id written into the event's <c>applicationId</c>), inserted by PostgreSQL itself;
/// and the raw sequential read of the events table that a rebuild is measured beside.
/// </summary>
public static class ReplaySeed
{
    /// <summary>Adds <paramref name="count"/> copies of the latest event of <paramref name="eventType"/>; then the daemon's progress is moved past them.</summary>
    public static async Task SeedAsync(NpgsqlConnection connection, string eventType, int count)
    {
        var streamColumns = await ColumnsAsync(connection, "mt_streams");
        var eventColumns = await ColumnsAsync(connection, "mt_events");
        string StreamValue(string column) => column switch
        {
            "id" => "s.sid",
            "version" => "1",
            "timestamp" or "created" => "now()",
            _ => $"t.{column}",
        };
        string EventValue(string column) => column switch
        {
            "seq_id" => "nextval('mt_events_sequence')",
            "id" => "gen_random_uuid()",
            "stream_id" => "s.sid",
            "version" => "1",
            "data" => "jsonb_set(e.data, '{applicationId}', to_jsonb(s.sid::text))",
            "timestamp" => "now()",
            _ => $"e.{column}",
        };
        const int Batch = 100_000;
        for (var done = 0; done < count; done += Batch)
        {
            var n = Math.Min(Batch, count - done);
            var sql = $"""
                CREATE TEMP TABLE seed ON COMMIT DROP AS SELECT gen_random_uuid() AS sid, g FROM generate_series(1, {n}) g;
                INSERT INTO mt_streams ({string.Join(", ", streamColumns)})
                  SELECT {string.Join(", ", streamColumns.Select(StreamValue))} FROM seed s,
                  (SELECT st.* FROM mt_streams st JOIN mt_events ev ON ev.stream_id = st.id WHERE ev.type = @type ORDER BY ev.seq_id DESC LIMIT 1) t;
                INSERT INTO mt_events ({string.Join(", ", eventColumns)})
                  SELECT {string.Join(", ", eventColumns.Select(EventValue))} FROM seed s,
                  (SELECT * FROM mt_events WHERE type = @type ORDER BY seq_id DESC LIMIT 1) e ORDER BY s.g;
                """;
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 })
            {
                insert.Parameters.AddWithValue("type", eventType);
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        // The seeded events are history already heard: the relay and the async projections start after them.
        await using var progress = new NpgsqlCommand("UPDATE mt_event_progression SET last_seq_id = (SELECT max(seq_id) FROM mt_events)", connection);
        await progress.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE mt_events; ANALYZE mt_streams", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Every event of the table read in order, as Marten reads it, into the client; how many per second.</summary>
    public static async Task<(long Events, double PerSecond)> RawReadAsync(NpgsqlConnection connection)
    {
        var clock = Stopwatch.StartNew();
        long events = 0, bytes = 0;
        await using var read = new NpgsqlCommand("SELECT seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type FROM mt_events ORDER BY seq_id", connection)
        {
            CommandTimeout = 1800,
        };
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events++;
            bytes += reader.GetString(4).Length;
        }
        return (events, events / clock.Elapsed.TotalSeconds);
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position", connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
