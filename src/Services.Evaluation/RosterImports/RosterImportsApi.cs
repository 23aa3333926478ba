using System.Security.Cryptography;
using ServiceManufacturing.Contracts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.RosterImports;

public static class RosterImportsApi
{
    const long MaxBytes = 5 * 1024 * 1024;
    const int MaxRows = 5000;

    static readonly Rule NotFound = Rule.NotFound("roster-import-not-found", "导入记录不存在。", "The import does not exist.");
    static readonly Rule Unreadable = Rule.Unprocessable("roster-file-unreadable",
        "名单文件须为 UTF-8 编码的 CSV 或 XLSX 工作簿。", "The roster must be a UTF-8 CSV file or an XLSX workbook.");
    static readonly Rule TooManyRows = Rule.Unprocessable("roster-too-many-rows",
        "一次最多导入 5000 行。", "An import holds at most 5000 rows.");

    public static RouteGroupBuilder MapRosterImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/roster-imports").WithTags("Earlier-batch demonstrations");
        api.MapPost("/", Import).WithName("ImportRoster").DisableAntiforgery()
            .WithSummary("导入前四批示范名单（CSV 或 XLSX） / Import the roster of earlier demonstrations from CSV or XLSX")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .AcceptsMultipartForm(new FormField("roster", "名单文件：CSV（UTF-8）或 XLSX，5 MB 以内；表头：批次、类别、名称、统一社会信用代码、推荐单位、" +
                "服务型制造模式或城市类别、入选年份 / The roster: CSV (UTF-8) or XLSX, at most 5 MB, headed batch, category, name, creditCode, " +
                "authority, mode, year.", File: true))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 64 * 1024))
            .Produces<RosterImport>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{importId:guid}", Get).WithName("GetRosterImport").WithSummary("查看导入结果 / What an import did")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<RosterImport>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{importId:guid}/errors", Errors).WithName("DownloadRosterImportErrors")
            .WithSummary("下载错误报告（行号与原因） / Download the error report: each refused row and why")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<IResult> Import(HttpRequest http, IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (!http.HasFormContentType) return Problems.Of(PlatformRules.UnsupportedMediaType);
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            return Problems.Of(PlatformRules.BadRequest);
        }
        var file = form.Files.GetFile("roster");
        if (file is null || file.Length == 0)
            return Problems.Validation(new Dictionary<string, string[]> { ["roster"] = ["请上传名单文件（CSV 或 XLSX）。 / Upload the roster (CSV or XLSX)."] });
        if (file.Length > MaxBytes) return Problems.Of(PlatformRules.BodyTooLarge);
        var content = new byte[file.Length];
        await using (var body = file.OpenReadStream()) await body.ReadExactlyAsync(content, ct);

        IReadOnlyList<(int Number, string[] Cells)> lines;
        try
        {
            lines = RosterFile.Read(content, RosterFile.LooksLikeXlsx(content));
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.DecoderFallbackException)
        {
            return Problems.Of(Unreadable);
        }
        if (lines.Count > MaxRows + 1) return Problems.Of(TooManyRows);
        var (rows, problems) = RosterRows.Check(lines, ChinaTime.DayOf(clock.GetUtcNow()).Year);
        var fileName = Path.GetFileName(file.FileName ?? "");
        fileName = fileName.Length is > 0 and <= 200 && !fileName.Any(char.IsControl) ? fileName : "roster";
        var command = new ImportRoster(Guid.CreateVersion7(), fileName, Convert.ToHexStringLower(SHA256.HashData(content)),
            Math.Max(lines.Count - 1 - Math.Max(RosterRows.HeaderIndex(lines), 0), 0), rows, problems, access.User.AuditName);
        var ids = rows.Select(r => r.DemonstrationId).ToList();
        await session.DecideAsync([StreamToWrite.Of<RosterImport>(command.ImportId), .. ids.Select(id => StreamToWrite.Of<Demonstration>(id))],
            states => RosterImportDecider.Decide(command, ids.ToDictionary(id => id, states.Of<Demonstration>), clock.GetUtcNow()), ct);
        return TypedResults.Created($"/api/v1/roster-imports/{command.ImportId}",
            await session.Events.AggregateStreamAsync<RosterImport>(command.ImportId, token: ct));
    }

    static async Task<IResult> Get(Guid importId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var report = await session.Events.AggregateStreamAsync<RosterImport>(importId, token: ct);
        return await access.ReadAsync(report is not null, NotFound) ?? TypedResults.Ok(report);
    }

    static async Task<IResult> Errors(Guid importId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var report = await session.Events.AggregateStreamAsync<RosterImport>(importId, token: ct);
        return await access.ReadAsync(report is not null, NotFound)
            ?? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(report!.ErrorReportCsv()), "text/csv; charset=utf-8", $"roster-import-{importId}-errors.csv");
    }
}
