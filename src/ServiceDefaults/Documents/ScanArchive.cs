using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>A stamped scan as stored: its id, what its bytes are, how many, and their SHA-256.</summary>
public sealed record StoredScan(Guid DocumentId, string ContentType, long Length, string Sha256);

/// <summary>
/// Stamped scans, kept durably in the service's PostgreSQL database in chunks of 256 KiB. An upload is spooled to a
/// temporary file (never whole in memory), opened by a real PDF parser or image decoder (<see cref="ScanContent"/>),
/// compared with its declared Content-Type, hashed, and then written chunk by chunk. A scan is kept only when the
/// decision that records it succeeds: <see cref="StoreAsync{T}"/> removes it again when that decision fails.
/// </summary>
/// <remarks>
/// The archive works as the service's own database role (<see cref="ServiceRole"/>): it reads, adds and removes chunks
/// but may not UPDATE them, so a stored scan's bytes cannot be changed in place. The table is made, and that right
/// withheld, by the owner at start.
/// </remarks>
public sealed class ScanArchive(NpgsqlDataSource database, IDocumentStore store, string ownerConnectionString)
{
    /// <summary>Drops the pooled connections (after the database went away: they would each fail one more request).</summary>
    public void ForgetBrokenConnections() => database.Clear();

    public const long MaxBytes = 20 * 1024 * 1024;
    const int ChunkBytes = 256 * 1024;

    public static readonly Rule NotAScan = Rule.Unprocessable("scan-not-pdf-or-image",
        "盖章扫描件须为 PDF、JPEG 或 PNG 文件（按文件内容判断，而非文件名），且须完整可读。",
        "A stamped scan must be a complete, readable PDF, JPEG or PNG file, judged by its content, not its name.");
    public static readonly Rule TooLarge = new("scan-too-large", 413,
        "盖章扫描件不得超过 20 MB。", "A stamped scan may be at most 20 MB.");
    public static readonly Rule UnsupportedType = new("scan-content-type", 415,
        "请在 Content-Type 中声明扫描件类型：application/pdf、image/jpeg 或 image/png。",
        "Declare the scan's type in Content-Type: application/pdf, image/jpeg or image/png.");
    public static readonly Rule TypeMismatch = Rule.Unprocessable("scan-content-type-mismatch",
        "扫描件内容与声明的 Content-Type 不符。", "The scan's content is not what its Content-Type declares.");

    string Table => $"\"{store.Options.DatabaseSchemaName}\".scan_chunks";

    /// <summary>As the owner: makes the table if it is missing, and lets the service's role read, add and remove chunks, never change one.</summary>
    public async Task CreateTableAsync(CancellationToken ct)
    {
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        await owner.OpenAsync(ct);
        var role = ServiceRole.NameFor(ownerConnectionString);
        await using var command = new NpgsqlCommand($"""
            begin;
            select pg_advisory_xact_lock(hashtext('scan-archive:{Table}'));
            create table if not exists {Table} (document_id uuid not null, chunk int not null, data bytea not null, primary key (document_id, chunk));
            grant select, insert, delete on {Table} to {role};
            revoke update, truncate on {Table} from {role};
            commit;
            """, owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Stores the scan in <paramref name="body"/>, declared as <paramref name="declaredContentType"/>, and lets
    /// <paramref name="record"/> decide on it (e.g. append the event that names it). When the decision throws (a rule,
    /// a stale If-Match, a lost race, a cancelled request), the scan is removed again and the exception goes on: a refused
    /// or lost upload leaves no blob behind. <paramref name="record"/> must throw whenever it does not keep the scan.
    /// </summary>
    public async Task<T> StoreAsync<T>(Stream body, string? declaredContentType, Func<StoredScan, Task<T>> record, CancellationToken ct)
    {
        var scan = await StoreAsync(body, declaredContentType, ct);
        try
        {
            return await record(scan);
        }
        catch
        {
            await DeleteAsync(scan.DocumentId, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Stores <paramref name="body"/> if it is a PDF, JPEG or PNG within the limit whose content is what
    /// <paramref name="declaredContentType"/> says; else refuses (415, 413 or 422) and keeps nothing.
    /// </summary>
    public Task<StoredScan> StoreAsync(Stream body, string? declaredContentType, CancellationToken ct) =>
        StoreCheckedAsync(body, Declared(declaredContentType) ?? throw new RuleViolation(UnsupportedType), ct);

    /// <summary>Stores <paramref name="body"/> if its content is a PDF, JPEG or PNG within the limit, whatever was declared.</summary>
    public Task<StoredScan> StoreAsync(Stream body, CancellationToken ct) => StoreCheckedAsync(body, null, ct);

    async Task<StoredScan> StoreCheckedAsync(Stream body, string? declared, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, ChunkBytes,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[ChunkBytes];
            long length = 0;
            for (int read; (read = await body.ReadAsync(buffer, ct)) > 0;)
            {
                length += read;
                if (length > MaxBytes) throw new RuleViolation(TooLarge);
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            var contentType = ScanContent.Identify(file) ?? throw new RuleViolation(NotAScan);
            if (declared is not null && declared != contentType)
                throw new RuleViolation(TypeMismatch, $"Content-Type {declared}, content {contentType}.");

            var id = Guid.CreateVersion7();
            file.Position = 0;
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            for (var chunk = 0; ; chunk++)
            {
                var read = await file.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                await using var insert = new NpgsqlCommand($"insert into {Table} (document_id, chunk, data) values ($1, $2, $3)", connection, transaction)
                {
                    Parameters = { new() { Value = id }, new() { Value = chunk }, new() { Value = new ReadOnlyMemory<byte>(buffer, 0, read) } },
                };
                await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new StoredScan(id, contentType, length, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        finally
        {
            File.Delete(path); // DeleteOnClose already did, unless the file never opened
        }
    }

    /// <summary>The declared media type when it is one a scan may have (parameters and case aside); else null.</summary>
    static string? Declared(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type
            && ScanContent.Types.FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)) is { } known
            ? known : null;

    /// <summary>Removes a stored scan (one whose decision failed).</summary>
    public async Task DeleteAsync(Guid documentId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"delete from {Table} where document_id = $1");
        command.Parameters.Add(new() { Value = documentId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many scans are stored.</summary>
    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count(distinct document_id) from {Table}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Writes the stored scan to <paramref name="output"/>, chunk by chunk.</summary>
    public async Task CopyToAsync(Guid documentId, Stream output, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select data from {Table} where document_id = $1 order by chunk");
        command.Parameters.Add(new() { Value = documentId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            await using var chunk = reader.GetStream(0);
            await chunk.CopyToAsync(output, ct);
        }
    }

    /// <summary>The type the bytes themselves claim (see <see cref="ScanContent.Sniff"/>).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => ScanContent.Sniff(head);

    /// <summary>The file name extension of a scan's content type, for downloads.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };
}

/// <summary>Creates the archive's table at start (after Marten made the schema).</summary>
sealed class ScanArchiveTable(ScanArchive archive) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await archive.CreateTableAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // another replica created it at the same moment ("if not exists" does not cover that race)
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class ScanArchiveExtensions
{
    /// <summary>Keeps stamped scans in the service's own database (connection string <paramref name="connectionName"/>).</summary>
    public static IHostApplicationBuilder AddScanArchive(this IHostApplicationBuilder builder, string connectionName)
    {
        var owner = builder.Configuration.GetConnectionString(connectionName)!;
        builder.Services.AddSingleton(services => new ScanArchive(NpgsqlDataSource.Create(ServiceRole.ConnectionStringFor(owner)),
            services.GetRequiredService<IDocumentStore>(), owner));
        builder.Services.AddHostedService<ScanArchiveTable>();
        return builder;
    }
}
