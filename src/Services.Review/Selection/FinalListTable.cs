using ServiceManufacturing.ServiceDefaults.Documents;
using System.Globalization;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>The final list (服务型制造示范名单) as an XLSX sheet with Chinese headers: enterprises, platforms, cities, each as selected.</summary>
public static class FinalListTable
{
    public static readonly string[] Headers = ["序号", "类别", "类别细分", "单位（城市）名称", "统一社会信用代码", "推荐单位", "服务型制造模式", "入选日期"];

    public static byte[] Create(ReviewCampaign campaign, FinalList? list)
    {
        var rows = new List<string[]>
        {
            new[] { $"{campaign.Name}　服务型制造示范名单（第{campaign.Batch}批）" },
            Headers,
        };
        var number = 0;
        foreach (var e in (list?.Entries ?? []).OrderBy(e => e.Category).ThenBy(e => e.AuthorityCode))
            rows.Add([
                (++number).ToString(CultureInfo.InvariantCulture), SummaryTable.Category(e.Category), ClassName(e.Class), e.OrganisationName,
                e.CreditCode, Authorities.Find(e.AuthorityCode)?.NameZh ?? e.AuthorityCode, ServiceModeNames.ChineseName(e.ServiceMode),
                e.SelectedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]);
        return Spreadsheet.Write("示范名单", rows, [6, 10, 16, 34, 22, 14, 18, 12], "A1:H1");
    }

    static string ClassName(string? @class) => @class switch
    {
        "sharedManufacturing" => "共享制造类",
        "other" => "其他类",
        "comprehensive" => "综合类",
        "industrialDesign" => "工业设计特色类",
        _ => "",
    };
}
