using System.Globalization;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.RosterImports;

/// <summary>A row the import refused: its number in the file and why (in Chinese and English).</summary>
/// <param name="Row">行号（表头为第 1 行） / The row number (the header is row 1).</param>
/// <param name="Reason">原因 / Why it was refused.</param>
public sealed record RowProblem(int Row, string Reason);

/// <summary>A row that holds a demonstration.</summary>
public sealed record RosterRow(int Row, RosterFacts Facts)
{
    public Guid DemonstrationId => Demonstration.IdFor(Facts.Batch, Facts.CreditCode, Facts.AuthorityCode, Facts.Name);
}

/// <summary>
/// Reads a roster's rows by its header (Chinese or English column names, in any order) and checks each row on its own:
/// a good row becomes a <see cref="RosterRow"/>, a bad one a <see cref="RowProblem"/> naming the row and the reason.
/// </summary>
public static class RosterRows
{
    public static readonly string[] Headers = ["批次", "类别", "名称", "统一社会信用代码", "推荐单位", "服务型制造模式或城市类别", "入选年份"];

    static readonly Dictionary<string, int> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["批次"] = 0, ["batch"] = 0,
        ["类别"] = 1, ["category"] = 1,
        ["名称"] = 2, ["name"] = 2,
        ["统一社会信用代码"] = 3, ["creditCode"] = 3,
        ["推荐单位"] = 4, ["推荐单位代码"] = 4, ["authority"] = 4, ["authorityCode"] = 4,
        ["服务型制造模式或城市类别"] = 5, ["服务型制造模式"] = 5, ["城市类别"] = 5, ["mode"] = 5, ["serviceModeOrClass"] = 5,
        ["入选年份"] = 6, ["year"] = 6,
    };

    static readonly Dictionary<string, DemonstrationCategory> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["示范企业"] = DemonstrationCategory.Enterprise, ["企业"] = DemonstrationCategory.Enterprise, ["enterprise"] = DemonstrationCategory.Enterprise,
        ["示范平台"] = DemonstrationCategory.Platform, ["平台"] = DemonstrationCategory.Platform, ["platform"] = DemonstrationCategory.Platform,
        ["示范项目"] = DemonstrationCategory.Project, ["项目"] = DemonstrationCategory.Project, ["project"] = DemonstrationCategory.Project,
        ["示范城市"] = DemonstrationCategory.City, ["城市"] = DemonstrationCategory.City, ["city"] = DemonstrationCategory.City,
    };

    static readonly Dictionary<string, string> CityClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["综合类"] = "comprehensive", ["comprehensive"] = "comprehensive",
        ["工业设计特色类"] = "industrialDesign", ["industrialDesign"] = "industrialDesign",
    };

    public const string MissingHeader = "表头须包含：批次、类别、名称、统一社会信用代码、推荐单位、服务型制造模式或城市类别、入选年份。 / " +
        "The header must name the columns batch, category, name, creditCode, authority, mode and year.";

    /// <summary>How many rows above the header a roster may have (a title such as "前四批服务型制造示范名单", a date line).</summary>
    public const int MaxRowsAboveHeader = 5;

    /// <summary>
    /// Where the header is: the first of the file's first rows that names every column (rows above it, such as a title,
    /// are skipped); -1 when none does.
    /// </summary>
    public static int HeaderIndex(IReadOnlyList<(int Number, string[] Cells)> file)
    {
        for (var r = 0; r < Math.Min(file.Count, MaxRowsAboveHeader + 1); r++)
            if (ColumnsOf(file[r].Cells).All(i => i >= 0)) return r;
        return -1;
    }

    static int[] ColumnsOf(string[] header)
    {
        var index = new int[Headers.Length];
        Array.Fill(index, -1);
        for (var i = 0; i < header.Length; i++)
            if (Columns.TryGetValue(header[i].Trim(), out var column) && index[column] < 0) index[column] = i;
        return index;
    }

    /// <summary>
    /// The good rows and the problems; a file without a header in its first rows is one problem of row 1 and no rows.
    /// <paramref name="thisYear"/> (China Standard Time) bounds the year selected.
    /// </summary>
    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowProblem> Problems) Check(IReadOnlyList<(int Number, string[] Cells)> file,
        int thisYear)
    {
        if (file.Count == 0) return ([], [new RowProblem(1, "文件为空。 / The file is empty.")]);
        var headerAt = HeaderIndex(file);
        if (headerAt < 0) return ([], [new RowProblem(file[0].Number, MissingHeader)]);
        var index = ColumnsOf(file[headerAt].Cells);

        var rows = new List<RosterRow>();
        var problems = new List<RowProblem>();
        var seen = new Dictionary<Guid, int>();
        foreach (var (number, cells) in file.Skip(headerAt + 1))
        {
            string Cell(int column) => index[column] < cells.Length ? cells[index[column]].Trim() : "";
            var reasons = Reasons(Cell, thisYear, out var facts);
            if (reasons.Count == 0)
            {
                var row = new RosterRow(number, facts!);
                if (seen.TryGetValue(row.DemonstrationId, out var first))
                    reasons.Add($"与第 {first} 行是同一示范。 / The same demonstration as row {first}.");
                else
                {
                    seen[row.DemonstrationId] = number;
                    rows.Add(row);
                }
            }
            if (reasons.Count > 0) problems.Add(new RowProblem(number, string.Join(" ", reasons)));
        }
        return (rows, problems);
    }

    /// <summary>"3", "第3批", "第三批", "三" and "第 3 批" all name the third batch; anything else is 0.</summary>
    public static int BatchOf(string text)
    {
        var t = text.Replace(" ", "").Replace("　", "");
        if (t.StartsWith('第') && t.EndsWith('批')) t = t[1..^1];
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return t.Length == 1 ? "一二三四五六七八九".IndexOf(t[0], StringComparison.Ordinal) + 1 : 0;
    }


    static List<string> Reasons(Func<int, string> cell, int thisYear, out RosterFacts? facts)
    {
        facts = null;
        var reasons = new List<string>();
        var batch = BatchOf(cell(0));
        if (batch is < 1 or > 4)
            reasons.Add("批次须为 1 至 4（如 3、第3批、第三批）。 / The batch must be 1 to 4 (as 3, 第3批 or 第三批).");
        if (!Categories.TryGetValue(cell(1), out var category))
            reasons.Add("类别须为示范企业、示范平台、示范项目或示范城市。 / The category must be enterprise, platform, project or city.");
        var name = cell(2);
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
            reasons.Add("请填写名称（不超过 200 字）。 / Give the name (at most 200 characters).");
        var creditCode = cell(3).ToUpperInvariant();
        var needsCode = category is DemonstrationCategory.Enterprise or DemonstrationCategory.Platform;
        if ((needsCode || creditCode.Length > 0) && category != DemonstrationCategory.City && CreditCode.Problem(creditCode) is { } codeProblem)
            reasons.Add(codeProblem);
        if (category == DemonstrationCategory.City && creditCode.Length > 0)
            reasons.Add("示范城市不填统一社会信用代码。 / A city has no credit code.");
        var authorityText = cell(4);
        var authority = Authorities.Find(authorityText) ?? Authorities.All.FirstOrDefault(a => a.NameZh == authorityText);
        if (authority is null) reasons.Add("推荐单位须为 37 个推荐单位之一（代码或名称）。 / The authority must be one of the 37 (code or name).");
        var mode = Mode(category, cell(5), out var modeProblem);
        if (modeProblem is not null) reasons.Add(modeProblem);
        if (!int.TryParse(cell(6), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2016 or > 2100)
            reasons.Add("入选年份须为四位年份。 / The year selected must be a year (four digits).");
        else if (YearSelected.Problem(batch, year, thisYear) is { } yearProblem)
            reasons.Add(yearProblem);
        if (reasons.Count == 0)
            facts = new RosterFacts(batch, category, name, creditCode.Length > 0 ? creditCode : null, authority!.Code, year, mode);
        return reasons;
    }

    /// <summary>The API name of the service mode or city class; a project's mode is free text.</summary>
    static string? Mode(DemonstrationCategory category, string text, out string? problem)
    {
        problem = null;
        if (category == DemonstrationCategory.City)
        {
            if (CityClasses.TryGetValue(text, out var cityClass)) return cityClass;
            problem = "示范城市须填城市类别：综合类或工业设计特色类。 / A city's class must be comprehensive or industrial design.";
            return null;
        }
        if (text.Length == 0) return null;
        if (ServiceModeNames.ApiName(text) is { } api) return api;
        if (category == DemonstrationCategory.Project && text.Length <= 100 && !text.Any(char.IsControl)) return text;
        problem = "服务型制造模式不在通知所列之内。 / The service mode is not one the notice names.";
        return null;
    }
}
