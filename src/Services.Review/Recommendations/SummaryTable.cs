using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Recommendations;

/// <summary>
/// 附件2 服务型制造示范遴选申报汇总表: an authority's ranked lists as one XLSX sheet with Chinese headers, in the order
/// enterprises, shared-manufacturing platforms, other platforms, cities, each in rank order. Inline strings, so it
/// opens alike in Excel, WPS and LibreOffice.
/// </summary>
public static class SummaryTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
        ["序号", "申报类别", "类别细分", "申报单位名称", "统一社会信用代码", "所属地区", "服务型制造模式", "推荐排序", "联系人", "联系电话", "备注"];

    public static byte[] Create(ReviewCampaign campaign, string authorityCode, IEnumerable<RecommendationList> lists,
        IReadOnlyDictionary<Guid, ReviewCaseDetails> cases)
    {
        var authority = Authorities.Find(authorityCode)!;
        var rows = new List<string[]>
        {
            new[] { "附件2　服务型制造示范遴选申报汇总表" },
            new[] { $"推荐单位（盖章）：{authority.NameZh}（{authority.Code}）　　{campaign.Name}" },
            Headers,
        };
        var number = 0;
        foreach (var list in lists.OrderBy(l => l.Kind))
            for (var rank = 0; rank < list.Entries.Count; rank++)
            {
                var entry = list.Entries[rank];
                var c = cases.GetValueOrDefault(entry.ApplicationId);
                rows.Add([
                    (++number).ToString(CultureInfo.InvariantCulture),
                    Category(c?.Category), ClassName(list.Kind, entry.Class), entry.OrganisationName, c?.CreditCode ?? "",
                    authority.NameZh, ServiceModeNames.ChineseName(c?.ServiceMode), (rank + 1).ToString(CultureInfo.InvariantCulture),
                    c?.ContactName ?? "", c?.ContactPhone ?? "",
                    c?.Warnings.Contains("service-revenue-below-share") == true ? "服务收入占比低于 30%" : "",
                ]);
            }

        return Workbook(rows, [6, 10, 16, 34, 22, 12, 18, 9, 10, 16, 22], titleRows: 2, "申报汇总表");
    }

    /// <summary>
    /// One sheet of inline strings (so it opens alike in Excel, WPS and LibreOffice): <paramref name="rows"/> in order, the
    /// first <paramref name="titleRows"/> merged across the columns, with the columns' <paramref name="widths"/>.
    /// </summary>
    public static byte[] Workbook(IReadOnlyList<string[]> rows, IReadOnlyList<int> widths, int titleRows, string sheetName)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var col = 0; col < rows[r].Length; col++)
                    row.Append(new Cell
                    {
                        CellReference = $"{Column(col)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][col]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(row);
            }
            var last = Column(widths.Count - 1);
            sheet.Worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data,
                new MergeCells(Enumerable.Range(1, titleRows).Select(r => new MergeCell { Reference = $"A{r}:{last}{r}" })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    public static string Category(ApplicationCategory? category) => category switch
    {
        ApplicationCategory.Enterprise => "示范企业",
        ApplicationCategory.Platform => "示范平台",
        ApplicationCategory.City => "示范城市",
        _ => "",
    };

    static string ClassName(RecommendationListKind kind, string? @class) => kind switch
    {
        RecommendationListKind.SharedManufacturingPlatforms => "共享制造类",
        RecommendationListKind.OtherPlatforms => "其他类",
        RecommendationListKind.Cities => @class == "industrialDesign" ? "工业设计特色类" : "综合类",
        _ => "",
    };
}
