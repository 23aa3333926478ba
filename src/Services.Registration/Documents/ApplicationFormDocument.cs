using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;

namespace ServiceManufacturing.Services.Registration.Documents;

/// <summary>
/// The filled application form (附件1 申报书) as a Word document for the applicant to print and stamp: every field,
/// Chinese text set in a CJK typeface (宋体 / SimSun, which Word and WPS have and LibreOffice maps to Noto CJK).
/// </summary>
public static class ApplicationFormDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Create(ApplicationDetails a, Campaign campaign)
    {
        using var memory = new MemoryStream();
        using (var package = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph($"{campaign.Name}", bold: true, size: 28));
            body.Append(Paragraph($"服务型制造示范申报书（{CategoryName(a.Category)}）", bold: true, size: 32));
            body.Append(Table(Rows(a)));
            body.Append(Paragraph($"申报编号：{a.Id}　版本：{a.Version}　内容摘要（SHA-256）：{a.ContentHash ?? "尚未提交"}", size: 18));
            body.Append(Paragraph("申报单位（盖章）：　　　　　　　　　　日期：　　年　　月　　日", size: 24));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return memory.ToArray();
    }

    /// <summary>Every field of the form, as (label, value) rows, in the order of the paper form.</summary>
    public static IEnumerable<(string Label, string Value)> Rows(ApplicationDetails a)
    {
        var f = a.Form;
        var authority = Authorities.Find(a.AuthorityCode);
        yield return ("申报类别", CategoryName(a.Category));
        yield return ("申报单位名称", a.OrganisationName);
        yield return ("统一社会信用代码", a.CreditCode);
        yield return ("推荐单位", authority is null ? a.AuthorityCode : $"{authority.NameZh}（{authority.Code}）");
        yield return ("联系人", f.Contact?.Name ?? "");
        yield return ("职务", f.Contact?.Title ?? "");
        yield return ("联系电话", f.Contact?.Phone ?? "");
        yield return ("电子邮箱", f.Contact?.Email ?? "");
        if (a.Category != ApplicationCategory.City)
        {
            yield return ("运营和财务状况良好", YesNo(f.Declarations?.OperatingAndFinancialConditionGood));
            yield return ("重大事故、违法行为及审查情况", f.Declarations?.Incidents is { Count: > 0 } incidents
                ? string.Join("；", incidents.Select(i => $"{i.Date:yyyy-MM-dd} {IncidentName(i.Kind)}：{i.Description}"))
                : "无");
        }
        switch (a.Category)
        {
            case ApplicationCategory.Enterprise when f.Enterprise is { } e:
                yield return ("所属制造业行业", e.ManufacturingIndustry ?? "");
                yield return ("服务型制造模式", ModeName(e.ServiceMode, e.OtherModeDescription));
                foreach (var r in (e.Revenues ?? []).OrderBy(r => r.Year))
                    yield return ($"{r.Year} 年营业收入 / 服务收入（万元）",
                        $"{Money(r.OperatingRevenue)} / {Money(r.ServiceRevenue)}（服务收入占比 {Share(r)}）");
                yield return ("转型升级主要措施", e.TransformationMeasures ?? "");
                yield return ("取得成效", e.Results ?? "");
                break;
            case ApplicationCategory.Platform when f.Platform is { } p:
                yield return ("平台类别", p.Class switch { PlatformClass.SharedManufacturing => "共享制造类", PlatformClass.Other => "其他类", _ => "" });
                yield return ("平台来源", p.Origin switch { PlatformOrigin.SpunOffManufacturer => "从制造业企业衍生", PlatformOrigin.ThirdParty => "第三方专业服务平台", _ => "" });
                yield return ("服务型制造模式", ModeName(p.ServiceMode, p.OtherModeDescription));
                yield return ("正式投入运营时间", p.InOperationSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                yield return ("制造资源在线发布", p.SharedManufacturing?.ResourcePublication ?? "");
                yield return ("订单匹配", p.SharedManufacturing?.OrderMatching ?? "");
                yield return ("生产管理", p.SharedManufacturing?.ProductionManagement ?? "");
                yield return ("支付保障", p.SharedManufacturing?.PaymentGuarantee ?? "");
                yield return ("信用评价", p.SharedManufacturing?.CreditEvaluation ?? "");
                yield return ("在线服务与线上线下联动", p.OnlineServices ?? "");
                yield return ("主要成效", p.Achievements ?? "");
                break;
            case ApplicationCategory.City when f.City is { } c:
                yield return ("城市类别", c.Class switch { CityClass.Comprehensive => "综合类", CityClass.IndustrialDesign => "工业设计特色类", _ => "" });
                yield return ("城市名称", c.CityName ?? "");
                yield return ("我部遴选的示范企业数量", Count(c.DemonstrationEnterprises));
                yield return ("我部遴选的示范平台数量", Count(c.DemonstrationPlatforms));
                yield return ("我部遴选的示范项目数量", Count(c.DemonstrationProjects));
                yield return ("国家级工业设计中心数量", Count(c.NationalIndustrialDesignCentres));
                yield return ("政策举措", c.Measures ?? "");
                yield return ("佐证材料", c.Evidence ?? "");
                break;
        }
    }

    static Table Table(IEnumerable<(string Label, string Value)> rows)
    {
        // In the schema's order (Word and WPS hold a document to it): width, then borders; then the grid, then rows.
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "2900" }, new GridColumn { Width = "6100" }));
        foreach (var (label, value) in rows)
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1600" }), Paragraph(label, bold: true)),
                new TableCell(Paragraph(value))));
        return table;
    }

    static Paragraph Paragraph(string text, bool bold = false, int size = 21) => new(new Run(
        new RunProperties(
            new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman", Hint = FontTypeHintValues.EastAsia },
            bold ? new Bold() : new Bold { Val = OnOffValue.FromBoolean(false) },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) }),
        new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static string CategoryName(ApplicationCategory category) => category switch
    {
        ApplicationCategory.Enterprise => "示范企业",
        ApplicationCategory.Platform => "示范平台",
        ApplicationCategory.City => "示范城市",
        _ => category.ToString(),
    };

    public static string ModeName(ServiceMode? mode, string? other = null) => mode switch
    {
        null => "",
        ServiceMode.Other => $"{ServiceModeNames.ChineseName("other")}：{other}",
        _ => ServiceModeNames.ChineseName(mode.ToString()),
    };

    static string IncidentName(IncidentKind kind) => kind switch
    {
        IncidentKind.MajorQualityAccident => "重大质量事故",
        IncidentKind.MajorEnvironmentalAccident => "重大环保事故",
        IncidentKind.MajorSafetyAccident => "重大安全事故",
        IncidentKind.IllegalAct => "违法行为",
        IncidentKind.UnderInvestigation => "涉嫌违法正在接受审查",
        _ => kind.ToString(),
    };

    static string YesNo(bool? value) => value switch { true => "是", false => "否", null => "" };
    static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    static string Share(AnnualRevenue r) => r.OperatingRevenue == 0 ? "—" : (r.ServiceRevenue / r.OperatingRevenue).ToString("P1", CultureInfo.InvariantCulture);
    static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
