using System.Globalization;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.Outcomes;

/// <summary>前四批示范评估结果: the evaluated demonstrations as one XLSX sheet with Chinese headers (written by <see cref="Spreadsheet"/>).</summary>
public static class OutcomeTable
{
    public static readonly string[] Headers = ["序号", "批次", "类别", "名称", "统一社会信用代码", "推荐单位", "评估结果", "理由", "整改期限"];

    /// <summary>The header row and one row per evaluated demonstration, by batch, authority and name.</summary>
    public static IReadOnlyList<string[]> Rows(IEnumerable<DemonstrationDetails> demonstrations) =>
    [
        Headers,
        .. demonstrations.Where(d => d.Outcome is not null).OrderBy(d => d.Batch).ThenBy(d => d.AuthorityCode).ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select((d, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), $"第{d.Batch}批", CategoryName(d.Category), d.Name, d.CreditCode ?? "",
                Authorities.Find(d.AuthorityCode)?.NameZh ?? d.AuthorityCode, OutcomeName(d.Outcome!.Value), d.OutcomeReasons ?? "",
                d.RectificationDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            }),
    ];

    public static byte[] Create(IEnumerable<DemonstrationDetails> demonstrations) =>
        Spreadsheet.Write("评估结果", Rows(demonstrations), [6, 8, 10, 34, 22, 14, 12, 40, 12]);

    public static string CategoryName(DemonstrationCategory category) => category switch
    {
        DemonstrationCategory.Enterprise => "示范企业",
        DemonstrationCategory.Platform => "示范平台",
        DemonstrationCategory.Project => "示范项目",
        _ => "示范城市",
    };

    public static string OutcomeName(EvaluationOutcome outcome) => outcome switch
    {
        EvaluationOutcome.Pass => "通过",
        EvaluationOutcome.NeedsRectification => "限期整改",
        EvaluationOutcome.Fail => "不通过",
        _ => "撤销称号",
    };
}
