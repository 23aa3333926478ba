using System.Net;
using System.Net.Http.Json;
using System.Text;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.RosterImports;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

public class RosterImportsApiTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    readonly HttpClient ministry = app.ClientFor(TestUsers.Ministry);

    [Fact]
    public async Task ImportingTheSameRosterTwiceYieldsOneRosterAndAMalformedRowIsReportedWhileTheGoodRowsImport()
    {
        var (a, b) = (NewCreditCode(), NewCreditCode());
        var city = "某某" + Random.Shared.Next(100000) + "市";
        var csv = $"""
            批次,类别,名称,统一社会信用代码,推荐单位,服务型制造模式或城市类别,入选年份
            1,示范企业,甲公司,{a},440300,定制化服务,2017
            2,示范平台,乙平台,{b},河北省,共享制造,2018
            3,示范企业,丙公司,91440300192203821X,440300,定制化服务,2021
            4,示范城市,{city},,130000,工业设计特色类,2022
            """;
        await using var registration = await BrokerProbe<ServiceManufacturing.Contracts.DemonstrationEnrolled>.StartAsync(app);

        var first = await ImportAsync(Encoding.UTF8.GetBytes(csv), "roster.csv");
        var second = await ImportAsync(Encoding.UTF8.GetBytes(csv), "roster.csv");

        Assert.Equal((4, 3, 0, 0), (first.Rows, first.Enrolled, first.Corrected, first.Unchanged));
        Assert.Equal((0, 0, 3), (second.Enrolled, second.Corrected, second.Unchanged));
        var problem = Assert.Single(first.Problems);
        Assert.Equal(4, problem.Row);
        Assert.Contains("校验位", problem.Reason);
        var roster = await ministry.GetFromJsonAsync<List<DemonstrationDetails>>("/api/v1/demonstrations", ApiJson.Options);
        Assert.Single(roster!, d => d.CreditCode == a);
        Assert.Single(roster!, d => d.Name == city && d.Category == DemonstrationCategory.City && d.Mode == "industrialDesign");
        Assert.DoesNotContain(roster!, d => d.Name == "丙公司");
        await registration.WaitForAsync(m => m.Name == city);

        var report = await ministry.GetAsync($"/api/v1/roster-imports/{first.Id}/errors");
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        var lines = (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("行号,原因", lines[0]);
        Assert.StartsWith("4,", Assert.Single(lines.Skip(1)));
    }

    [Fact]
    public async Task ACorrectedRowIsACorrectionAndAnXlsxRosterImportsAsItsCsvWould()
    {
        var code = NewCreditCode();
        string[] header = ["batch", "category", "name", "creditCode", "authority", "mode", "year"];
        var before = await ImportAsync(Spreadsheet.Write("名单", [header, ["2", "enterprise", "丁公司", code, "440300", "customization", "2018"]],
            [8, 8, 8, 8, 8, 8, 8]), "roster.xlsx");
        var after = await ImportAsync(Spreadsheet.Write("名单", [header, ["2", "enterprise", "丁股份公司", code, "440300", "customization", "2018"]],
            [8, 8, 8, 8, 8, 8, 8]), "roster.xlsx");

        Assert.Equal((1, 0), (before.Enrolled, before.Corrected));
        Assert.Equal((0, 1), (after.Enrolled, after.Corrected));
        var id = Demonstration.IdFor(2, code, "440300", "丁公司");
        Assert.Equal("丁股份公司", (await ministry.GetFromJsonAsync<DemonstrationDetails>($"/api/v1/demonstrations/{id}", ApiJson.Options))!.Name);
        await using var query = app.Store.QuerySession();
        Assert.Equal([typeof(Services.Evaluation.Demonstrations.DemonstrationEnrolled), typeof(DemonstrationCorrected)],
            (await query.Events.FetchStreamAsync(id)).Select(e => e.Data.GetType()));
    }

    [Fact]
    public async Task AFileThatIsNeitherCsvNorXlsxIsRefusedAndNothingIsStored()
    {
        var before = await app.EventCountAsync();
        var response = await ministry.PostAsync("/api/v1/roster-imports", Upload([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE], "roster.xlsx"));
        await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "roster-file-unreadable");
        Assert.Equal(before, await app.EventCountAsync());
    }

    async Task<RosterImport> ImportAsync(byte[] content, string name)
    {
        var response = await ministry.PostAsync("/api/v1/roster-imports", Upload(content, name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RosterImport>(ApiJson.Options))!;
    }

    static MultipartFormDataContent Upload(byte[] content, string name) => new() { { new ByteArrayContent(content), "roster", name } };
}
