using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>A stamped scan as stored: its id, what its bytes are, how many, and their SHA-256.</summary>
public sealed record StoredScan(Guid DocumentId, string ContentType, long Length, string Sha256);

/// <summary>
/// Stamped scans, kept durably in the service's PostgreSQL database in chunks of 256 KiB: an upload is read, checked,
/// hashed and written chunk by chunk, so a 20 MiB scan never sits in memory whole.
/// </summary>
public sealed class ScanArchive(NpgsqlDataSource database, IDocumentStore store)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    const int ChunkBytes = 256 * 1024;

    public static readonly Rule NotAScan = Rule.Unprocessable("scan-not-pdf-or-image",
        "盖章扫描件须为 PDF、JPEG 或 PNG 文件（按文件内容判断，而非文件名）。", "A stamped scan must be a PDF, JPEG or PNG file, judged by its content, not its name.");
    public static readonly Rule TooLarge = new("scan-too-large", 413,
        "盖章扫描件不得超过 20 MB。", "A stamped scan may be at most 20 MB.");

    string Table => $"\"{store.Options.DatabaseSchemaName}\".scan_chunks";

    public async Task CreateTableAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"create table if not exists {Table} (document_id uuid not null, chunk int not null, data bytea not null, primary key (document_id, chunk))");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores <paramref name="body"/> if its bytes are a PDF, JPEG or PNG within the limit; else refuses and keeps nothing.</summary>
    public async Task<StoredScan> StoreAsync(Stream body, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        string? contentType = null;
        long length = 0;
        for (var chunk = 0; ; chunk++)
        {
            var read = await body.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0) break;
            contentType ??= Sniff(buffer.AsSpan(0, read)) ?? throw new RuleViolation(NotAScan);
            length += read;
            if (length > MaxBytes) throw new RuleViolation(TooLarge);
            sha.AppendData(buffer, 0, read);
            await using var insert = new NpgsqlCommand($"insert into {Table} (document_id, chunk, data) values ($1, $2, $3)", connection, transaction)
            {
                Parameters = { new() { Value = id }, new() { Value = chunk }, new() { Value = new ReadOnlyMemory<byte>(buffer, 0, read) } },
            };
            await insert.ExecuteNonQueryAsync(ct);
        }
        if (contentType is null) throw new RuleViolation(NotAScan); // empty
        await transaction.CommitAsync(ct);
        return new StoredScan(id, contentType, length, Convert.ToHexStringLower(sha.GetHashAndReset()));
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

    static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type the bytes themselves say: PDF (%PDF-), JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith(Jpeg) ? "image/jpeg"
        : head.StartsWith(Png) ? "image/png"
        : null;

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
        var database = builder.Configuration.GetConnectionString(connectionName)!;
        builder.Services.AddSingleton(services => new ScanArchive(NpgsqlDataSource.Create(database),
            services.GetRequiredService<IDocumentStore>()));
        builder.Services.AddHostedService<ScanArchiveTable>();
        return builder;
    }
}
