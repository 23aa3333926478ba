using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// The quota table of BRIEF §4, through the gateway: each authority recommends up to its quota per category and class,
/// and the next entry is refused with a message that names the quota, the authority and the category.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class QuotaTests(WholeSystem system)
{
    [Fact]
    public async Task AProvinceScreensTwelveEnterprisesRecommendsTenAndTheEleventhIsRefusedEvenAtTheSameMoment()
    {
        using var hebei = await system.ClientAsync("officer.hebei");
        using var colleague = await Screening.OfficerAsync(system, "130000", "officer.hebei.2");
        var names = Enumerable.Range(1, 12).Select(i => $"石家庄某某装备制造有限公司{i:00}").ToList();
        var ids = await Screening.PassedAndStampedAsync(system, hebei, names.Select(name => Screening.Enterprise("130000", "130100", name)));

        for (var i = 0; i < 9; i++)
            await RecommendAsync(hebei, ids[i]);
        // Two officers of Hebei add the tenth and the eleventh at the same moment: exactly one gets the last place.
        var edge = await Task.WhenAll(
            Api.PostAsync(hebei, "/api/v1/recommendations", new { applicationId = ids[9] }),
            Api.PostAsync(colleague, "/api/v1/recommendations", new { applicationId = ids[10] }));
        Assert.Single(edge, r => r.StatusCode == HttpStatusCode.OK);
        // The other is decided again on the full list, and refused by the quota rule rather than by the race.
        await ApiJson.AssertProblemAsync(edge.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.UnprocessableEntity, "quota-exceeded");

        var twelfth = await Api.PostAsync(hebei, "/api/v1/recommendations", new { applicationId = ids[11] });
        var detail = (await ApiJson.AssertProblemAsync(twelfth, HttpStatusCode.UnprocessableEntity, "quota-exceeded")).GetProperty("detail").GetString();
        Assert.Contains("河北省", detail);
        Assert.Contains("示范企业推荐名额为 10 个", detail);
        Assert.Contains("the quota for demonstration enterprises is 10", detail);

        var campaign = await CampaignOfAsync(hebei, ids[0]);
        var ranked = ListOf(await Api.GetJsonAsync(hebei, $"/api/v1/recommendations?campaignId={campaign}"), "enterprises");
        Assert.Equal(10, ranked.Count);
        Assert.Equal(ids.Take(9), ranked.Take(9));
        // The summary table (附件2), read back: the ten in their ranked order, numbered 1 to 10.
        var rows = SummaryRows(await (await Api.GetAsync(hebei, $"/api/v1/recommendations/summary-table?campaignId={campaign}")).Content.ReadAsByteArrayAsync());
        var enterprises = rows.Skip(3).Where(r => r[1] == "示范企业").ToList();
        Assert.Equal(ranked.Select(id => names[ids.ToList().IndexOf(id)]), enterprises.Select(r => r[3]));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()), enterprises.Select(r => r[7]));
    }

    // authority, the division its organisations registered in, category, class, quota
    public static TheoryData<string, string, string, string, int> Quotas => new()
    {
        { "130000", "130200", "platform", "sharedManufacturing", 1 },  // a province
        { "130000", "130300", "platform", "other", 3 },
        { "130000", "", "city", "comprehensive", 1 },
        { "130000", "", "city", "industrialDesign", 1 },
        { "370200", "370200", "enterprise", "", 3 },                    // a separately planned city
        { "370200", "370200", "platform", "sharedManufacturing", 1 },
        { "370200", "370200", "platform", "other", 1 },
        { "660000", "650100", "platform", "sharedManufacturing", 1 },  // XPCC (its units register in Xinjiang)
    };

    [Theory]
    [MemberData(nameof(Quotas))]
    public async Task EachAuthorityTypeRecommendsUpToItsQuotaAndTheNextIsRefusedNamingIt(
        string authority, string division, string category, string @class, int quota)
    {
        using var officer = await Screening.OfficerAsync(system, authority, $"officer.{authority}.{category}.{@class}");
        var cities = new[] { "邢台市", "保定市", "沧州市", "邯郸市", "衡水市" };
        var filings = Enumerable.Range(1, quota + 1).Select(i => category switch
        {
            "enterprise" => Screening.Enterprise(authority, division, $"青岛某某机械有限公司{i:00}"),
            "platform" => Screening.Platform(authority, division, $"{Authorities.Find(authority)!.NameZh}某某工业互联网平台{@class}{i:00}", @class),
            _ => Screening.City(authority, cities[i + (@class == "comprehensive" ? 0 : 2)], @class),
        });
        var ids = await Screening.PassedAndStampedAsync(system, officer, filings);

        foreach (var id in ids.Take(quota))
            await RecommendAsync(officer, id);
        var next = await Api.PostAsync(officer, "/api/v1/recommendations", new { applicationId = ids[quota] });

        var detail = (await ApiJson.AssertProblemAsync(next, HttpStatusCode.UnprocessableEntity, "quota-exceeded")).GetProperty("detail").GetString();
        Assert.Contains(Authorities.Find(authority)!.NameZh, detail);
        Assert.Contains($"推荐名额为 {quota} 个", detail);
        Assert.Contains(category switch
        {
            "enterprise" => "示范企业",
            "platform" => @class == "sharedManufacturing" ? "共享制造类示范平台" : "其他类示范平台",
            _ => @class == "comprehensive" ? "综合类示范城市" : "工业设计特色类示范城市",
        }, detail);
    }

    [Fact]
    public async Task XpccIsNamedForNoCityAndFilesNoCityApplication()
    {
        // XPCC's quota for cities is none: no city authority account files through it (the ministry cannot create one), and
        // Registration refuses a city application through it too (Registration.Tests).
        using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
        var created = await Api.PostAsync(ministry, "/api/v1/accounts", new
        {
            userName = "e2e.city.xpcc", password = "Screening-Password-1", displayName = "石河子市工业和信息化局",
            role = "city-authority", authorityCode = "660000", city = "石河子市",
        });
        var problem = await ApiJson.AssertProblemAsync(created, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("authorityCode", out _));
    }

    [Fact]
    public async Task ASeparatelyPlannedCityFilesOneCityApplicationAndRecommendsIt()
    {
        using var qingdao = await Screening.OfficerAsync(system, "370200", "officer.370200.cities");
        var ids = await Screening.PassedAndStampedAsync(system, qingdao, [Screening.City("370200", "青岛市", "industrialDesign")]);
        await RecommendAsync(qingdao, ids[0]);

        // Its second city application, of the other class, is refused when submitted: the city's one place is taken.
        var second = Screening.City("370200", "青岛市", "comprehensive");
        using var city = await Screening.AccountAsync(system, second);
        var draft = await Screening.DraftAsync(city, second);
        await ApiJson.AssertProblemAsync(await Api.PostAsync(city, $"/api/v1/applications/{draft}/submission", null),
            HttpStatusCode.UnprocessableEntity, "one-city-per-separately-planned-city");
    }

    static async Task RecommendAsync(HttpClient officer, Guid id)
    {
        var recommended = await Api.PostAsync(officer, "/api/v1/recommendations", new { applicationId = id });
        Assert.True(recommended.StatusCode == HttpStatusCode.OK, await recommended.Content.ReadAsStringAsync());
    }

    static async Task<Guid> CampaignOfAsync(HttpClient officer, Guid id) =>
        (await Api.GetJsonAsync(officer, $"/api/v1/review-cases/{id}")).GetProperty("campaignId").GetGuid();

    static List<Guid> ListOf(JsonElement lists, string kind) => lists.EnumerateArray()
        .Where(l => l.GetProperty("kind").GetString() == kind)
        .SelectMany(l => l.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("applicationId").GetGuid()))
        .ToList();

    static List<string[]> SummaryRows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }
}
