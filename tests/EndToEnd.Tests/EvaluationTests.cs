using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// The evaluation of earlier demonstrations through the gateway: the ministry imports the roster (twice), a city on it
/// is refused by Registration as a new city application, the city files its material late and passes under the
/// ministry's exception with a receipt that verifies, and the outcomes export to an XLSX that reads back.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class EvaluationTests(WholeSystem system)
{
    [Fact]
    public async Task TheRosterImportsOnceARosterCityCannotApplyAndItsLateFilingPassesUnderAnExceptionAndOutcomesExport()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
        var city = $"评估{Random.Shared.Next(100000, 999999)}市";
        var enterprise = Screening.CreditCodeIn("130100");
        var roster = $"""
            批次,类别,名称,统一社会信用代码,推荐单位,服务型制造模式或城市类别,入选年份
            3,示范城市,{city},,河北省,综合类,2021
            3,示范企业,石家庄某某装备有限公司,{enterprise},130000,总集成总承包,2021
            3,示范企业,保定某某有限公司,91130600ABCDEFGH1X,130000,定制化服务,2021
            """;

        // Importing the same roster twice yields one roster; the malformed row is reported with its number and reason.
        var first = await ImportAsync(ministry, roster);
        var second = await ImportAsync(ministry, roster);
        Assert.Equal((2, 0), (first.GetProperty("enrolled").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 2), (second.GetProperty("enrolled").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        var problem = Assert.Single(first.GetProperty("problems").EnumerateArray());
        Assert.Equal(4, problem.GetProperty("row").GetInt32());
        Assert.Contains("统一社会信用代码", problem.GetProperty("reason").GetString());
        var errors = await Api.GetAsync(ministry, $"/api/v1/roster-imports/{first.GetProperty("id").GetGuid()}/errors");
        Assert.Contains("\r\n4,", await errors.Content.ReadAsStringAsync());
        var listed = (await Api.GetJsonAsync(ministry, "/api/v1/demonstrations?batch=3&authorityCode=130000")).EnumerateArray().ToList();
        Assert.Single(listed, d => d.GetProperty("name").GetString() == city);
        Assert.Single(listed, d => d.TryGetProperty("creditCode", out var code) && code.GetString() == enterprise);
        var cityId = listed.Single(d => d.GetProperty("name").GetString() == city).GetProperty("id").GetGuid();

        // Registration heard of the roster: the city is refused as a new city application.
        var filing = Screening.City("130000", city, "comprehensive");
        using var cityAccount = await Screening.AccountAsync(system, filing);
        var application = await Screening.DraftAsync(cityAccount, filing);
        // Registration hears of the roster by message: once it shows the city its title, the submission is refused, at once.
        await Screening.Until(async () => (await Api.GetJsonAsync(cityAccount, "/api/v1/demonstration-titles")).EnumerateArray()
            .Any(t => t.GetProperty("demonstrationId").GetGuid() == cityId), "Registration to hear of the roster");
        await ApiJson.AssertProblemAsync(await Api.PostAsync(cityAccount, $"/api/v1/applications/{application}/submission", null),
            HttpStatusCode.UnprocessableEntity, "already-demonstration-city");

        var campaign = await system.OpenCampaignAsync(today.AddDays(-1));
        try
        {
            // The city files its material; the deadline was yesterday (China Standard Time): refused, then passes under an exception.
            var path = $"/api/v1/demonstrations/{cityId}/filing";
            var draft = new
            {
                operatingStatus = "正常",
                years = Enumerable.Range(2021, today.Year - 2021).Select(y => new { year = y, operatingRevenue = 500000m, serviceRevenue = 150000m }),
                results = "服务型制造示范城市建设成效",
            };
            await Screening.Until(async () => (await Api.SendAsync(cityAccount, new HttpRequestMessage(HttpMethod.Put, $"{path}?campaignId={campaign}")
                { Content = JsonContent.Create(draft) })).StatusCode == HttpStatusCode.OK, "Evaluation to hear of the campaign");
            var uploaded = await Api.SendAsync(cityAccount, new HttpRequestMessage(HttpMethod.Post, $"{path}/documents?campaignId={campaign}")
                { Content = TestScans.Content(TestScans.Pdf("Evaluation evidence")) });
            Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
            await ApiJson.AssertProblemAsync(await Api.PostAsync(cityAccount, $"{path}/submission", new { campaignId = campaign }),
                HttpStatusCode.UnprocessableEntity, "evaluation-deadline-passed");

            var granted = await Api.PostAsync(ministry, $"/api/v1/campaigns/{campaign}/deadline-exceptions", new
            {
                authorityCode = "130000", deadline = "evaluationMaterial", until = today.AddDays(7).ToString("yyyy-MM-dd"), reason = "系统故障，经批准延期",
            });
            Assert.True(granted.StatusCode == HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
            HttpResponseMessage? submission = null;
            await Screening.Until(async () => (submission = await Api.PostAsync(cityAccount, $"{path}/submission", new { campaignId = campaign }))
                .StatusCode == HttpStatusCode.OK, "Evaluation to hear of the exception");
            var receipt = await submission!.Content.ReadFromJsonAsync<JsonElement>();

            // The receipt verifies; the same receipt with a changed hash does not.
            Assert.True(await VerifiesAsync(cityAccount, receipt));
            Assert.True(await VerifiesAsync(ministry, receipt));
            var tampered = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(receipt)!;
            tampered["contentHash"] = JsonSerializer.SerializeToElement(new string('0', 64));
            Assert.False(await VerifiesAsync(cityAccount, tampered));
        }
        finally
        {
            await system.OpenCampaignAsync(new DateOnly(today.Year + 1, 12, 31));
        }

        // The ministry's outcomes export to an XLSX that reads back with the same rows.
        var enterpriseId = listed.Single(d => d.TryGetProperty("creditCode", out var code) && code.GetString() == enterprise).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, $"/api/v1/demonstrations/{cityId}/outcome",
            new { outcome = "pass", reasons = "示范作用明显" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, $"/api/v1/demonstrations/{enterpriseId}/outcome",
            new { outcome = "needsRectification", reasons = "服务收入占比下降", rectificationDue = today.AddMonths(6).ToString("yyyy-MM-dd") })).StatusCode);
        var export = await Api.GetAsync(ministry, "/api/v1/demonstrations/outcomes?batch=3&authorityCode=130000");
        Assert.Equal(Spreadsheet.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = Spreadsheet.Read(new MemoryStream(await export.Content.ReadAsByteArrayAsync())).Select(r => r.Cells).ToList();
        var evaluated = (await Api.GetJsonAsync(ministry, "/api/v1/demonstrations?batch=3&authorityCode=130000")).EnumerateArray()
            .Where(d => d.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(["序号", "批次", "类别", "名称", "统一社会信用代码", "推荐单位", "评估结果", "理由", "整改期限"], rows[0]);
        Assert.Equal(evaluated.Count, rows.Count - 1);
        Assert.Equal(evaluated.Select(d => d.GetProperty("name").GetString()).Order(StringComparer.Ordinal),
            rows.Skip(1).Select(r => r[3]).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r[3] == city && r[6] == "通过" && r[7] == "示范作用明显" && r[2] == "示范城市");
        Assert.Contains(rows, r => r[4] == enterprise && r[6] == "限期整改" && r[8] == today.AddMonths(6).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task AnOfficersExplanationReachesTheMinistrysViewOfThatAuthoritysPackageWithItsDocument()
    {
        using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
        using var officer = await system.ClientAsync("officer.hebei");
        var enrolled = await Api.PostAsync(ministry, "/api/v1/demonstrations", new
        {
            batch = 2, category = "enterprise", name = $"河北某某注销{Random.Shared.Next(100000, 999999)}有限公司",
            creditCode = Screening.CreditCodeIn("130100"), authorityCode = "130000", year = 2018,
        });
        Assert.True(enrolled.StatusCode == HttpStatusCode.Created, await enrolled.Content.ReadAsStringAsync());
        var demonstration = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var campaign = await system.OpenCampaignAsync(new DateOnly(DateTime.UtcNow.Year + 1, 12, 31));
        var evidence = TestScans.Pdf("Certificate of cancellation");

        HttpResponseMessage? explained = null;
        await Screening.Until(async () => (explained = await Api.SendAsync(officer, new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/demonstrations/{demonstration}/filing/explanation")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(campaign.ToString()), "campaignId" },
                { new StringContent("cancelled"), "status" },
                { new StringContent("2022-11-30"), "statusDate" },
                { new StringContent("企业已于 2022 年注销"), "reason" },
                { TestScans.Content(evidence), "document", "cancellation.pdf" },
            },
        })).StatusCode != HttpStatusCode.Conflict, "Evaluation to hear of the campaign");
        Assert.True(explained!.StatusCode == HttpStatusCode.OK, await explained.Content.ReadAsStringAsync());

        // Review hears of it by message: the ministry's view of Hebei's package shows it, with where to open its document.
        JsonElement shown = default;
        await Screening.Until(async () =>
        {
            var package = await Api.GetAsync(ministry, $"/api/v1/packages/130000?campaignId={campaign}");
            if (package.StatusCode != HttpStatusCode.OK) return false;
            var details = await package.Content.ReadFromJsonAsync<JsonElement>();
            shown = details.GetProperty("explanations").EnumerateArray().FirstOrDefault(x => x.GetProperty("demonstrationId").GetGuid() == demonstration);
            return shown.ValueKind == JsonValueKind.Object;
        }, "the explanation to reach the ministry's view of the package");
        Assert.Equal(("cancelled", "企业已于 2022 年注销", false),
            (shown.GetProperty("status").GetString(), shown.GetProperty("reason").GetString(), shown.GetProperty("filedAfterSubmission").GetBoolean()));
        var download = await Api.GetAsync(ministry, shown.GetProperty("documentUrl").GetString()!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(shown.GetProperty("documentSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    static async Task<JsonElement> ImportAsync(HttpClient ministry, string csv)
    {
        var response = await Api.SendAsync(ministry, new HttpRequestMessage(HttpMethod.Post, "/api/v1/roster-imports")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "roster", "roster.csv" } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static async Task<bool> VerifiesAsync(HttpClient client, object receipt)
    {
        var response = await Api.PostAsync(client, "/api/v1/demonstrations/filing-receipt-verification", receipt);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean();
    }
}
