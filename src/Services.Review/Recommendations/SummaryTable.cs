using System.Globalization;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Recommendations;

/// <summary>
/// 附件2 服务型制造示范遴选申报汇总表: an authority's ranked lists as one XLSX sheet with Chinese headers, in the order
/// enterprises, shared-manufacturing platforms, other platforms, cities, each in rank order (<see cref="Spreadsheet"/>).
/// </summary>
public static class SummaryTable
{
    public const string ContentType = Spreadsheet.ContentType;

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

        return Spreadsheet.Write("申报汇总表", rows, [6, 10, 16, 34, 22, 12, 18, 9, 10, 16, 22], mergedTitleRows: 2);
    }

    static string Category(ApplicationCategory? category) => category switch
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
