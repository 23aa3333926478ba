using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.RosterImports;

/// <summary>The ministry imported a roster file: what each row did (new, corrected, unchanged) and which rows were refused, and why.</summary>
public sealed record RosterImported(Guid ImportId, string FileName, string ContentSha256, int Rows, int Enrolled, int Corrected, int Unchanged,
    IReadOnlyList<RowProblem> Problems, string ImportedBy, DateTimeOffset At);

/// <summary>导入结果 / What an import did.</summary>
/// <param name="Id">导入编号 / The import's id.</param>
/// <param name="FileName">文件名 / The file's name.</param>
/// <param name="ContentSha256">文件的 SHA-256 / The file's SHA-256.</param>
/// <param name="Rows">数据行数 / Data rows in the file.</param>
/// <param name="Enrolled">新录入的示范数 / Demonstrations new to the roster.</param>
/// <param name="Corrected">更正的示范数 / Demonstrations corrected.</param>
/// <param name="Unchanged">未变的示范数（重复导入） / Demonstrations already on the roster as the row says.</param>
/// <param name="Problems">未导入的行及原因 / The rows refused, each with its reason.</param>
/// <param name="ImportedAt">导入时间 / When.</param>
public sealed record RosterImport(Guid Id, string FileName, string ContentSha256, int Rows, int Enrolled, int Corrected, int Unchanged,
    IReadOnlyList<RowProblem> Problems, DateTimeOffset ImportedAt)
{
    public static RosterImport Create(RosterImported e) =>
        new(e.ImportId, e.FileName, e.ContentSha256, e.Rows, e.Enrolled, e.Corrected, e.Unchanged, e.Problems, e.At);

    /// <summary>The error report: one line per refused row (行号, 原因), UTF-8 with a byte-order mark so that Excel reads it.</summary>
    public string ErrorReportCsv() => "\uFEFF行号,原因\r\n" + string.Concat(Problems.Select(p =>
        $"{p.Row},\"{p.Reason.Replace("\"", "\"\"")}\"\r\n"));
}

/// <summary>An import of checked rows (the refused ones already named in <see cref="Problems"/>).</summary>
public sealed record ImportRoster(Guid ImportId, string FileName, string ContentSha256, int DataRows, IReadOnlyList<RosterRow> Rows,
    IReadOnlyList<RowProblem> Problems, string By);

/// <summary>
/// Decides an import over every row's demonstration stream at once: each good row enrols, corrects or changes nothing
/// (so importing the same file again changes nothing); a row whose rule refuses it joins the problems, the others import.
/// </summary>
public static class RosterImportDecider
{
    public static IReadOnlyDictionary<Guid, object[]> Decide(ImportRoster c, IReadOnlyDictionary<Guid, Demonstration?> states, DateTimeOffset now)
    {
        var decided = new Dictionary<Guid, object[]>();
        var problems = new List<RowProblem>(c.Problems);
        int enrolled = 0, corrected = 0, unchanged = 0;
        foreach (var row in c.Rows)
        {
            try
            {
                var events = DemonstrationDecider.Decide(new RecordRosterRow(row.DemonstrationId, row.Facts, c.By), states[row.DemonstrationId], now);
                decided[row.DemonstrationId] = events;
                if (events.Any(e => e is DemonstrationEnrolled)) enrolled++;
                else if (events.Length > 0) corrected++;
                else unchanged++;
            }
            catch (RuleViolation v)
            {
                decided[row.DemonstrationId] = [];
                problems.Add(new RowProblem(row.Row, $"{v.Rule.Zh} / {v.Rule.En}"));
            }
        }
        decided[c.ImportId] = [new RosterImported(c.ImportId, c.FileName, c.ContentSha256, c.DataRows, enrolled, corrected, unchanged,
            problems.OrderBy(p => p.Row).ToList(), c.By, now)];
        return decided;
    }
}
