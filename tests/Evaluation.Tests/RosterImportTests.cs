using DemonstrationEnrolled = ServiceManufacturing.Services.Evaluation.Demonstrations.DemonstrationEnrolled;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.RosterImports;

namespace ServiceManufacturing.Tests.Evaluation;

public class RosterImportTests
{
    static readonly DateTimeOffset Now = new(2023, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    const string Roster = """
        批次,类别,名称,统一社会信用代码,推荐单位,服务型制造模式或城市类别,入选年份
        1,示范企业,深圳某某电子有限公司,914403001922038216,440300,定制化服务,2017
        2,示范城市,青岛市,,青岛市,综合类,2018
        3,示范平台,"某某共享制造平台,有限公司",91110000600037341L,北京市,sharedManufacturing,2021
        """;

    static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowProblem> Problems) Check(string csv) =>
        RosterRows.Check(RosterFile.Csv(csv), 2023);

    [Fact]
    public void EveryGoodRowBecomesADemonstrationWithItsAuthorityCodeAndMode()
    {
        var (rows, problems) = Check(Roster);

        Assert.Empty(problems);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        Assert.Equal(new RosterFacts(2, DemonstrationCategory.City, "青岛市", null, "370200", 2018, "comprehensive"), rows[1].Facts);
        Assert.Equal(("某某共享制造平台,有限公司", "110000", "sharedManufacturing"), (rows[2].Facts.Name, rows[2].Facts.AuthorityCode, rows[2].Facts.Mode));
        Assert.Equal("customization", rows[0].Facts.Mode);
    }

    [Fact]
    public void AMalformedRowIsNamedByItsNumberAndReasonAndTheOthersStay()
    {
        var (rows, problems) = Check(Roster + "\n4,示范企业,某某公司,91440300192203821X,440300,定制化服务,2022\n");

        var problem = Assert.Single(problems);
        Assert.Equal(5, problem.Row);
        Assert.Contains("校验位", problem.Reason);
        Assert.Equal(3, rows.Count);
    }

    [Theory]
    [InlineData("5,示范企业,某某公司,914403001922038216,440300,定制化服务,2023", "批次")]
    [InlineData("1,示范工厂,某某公司,914403001922038216,440300,定制化服务,2017", "类别")]
    [InlineData("1,示范企业,,914403001922038216,440300,定制化服务,2017", "名称")]
    [InlineData("1,示范企业,某某公司,,440300,定制化服务,2017", "统一社会信用代码")]
    [InlineData("1,示范企业,某某公司,914403001922038216,999999,定制化服务,2017", "推荐单位")]
    [InlineData("1,示范城市,某某市,,440300,普通类,2017", "城市类别")]
    [InlineData("1,示范企业,某某公司,914403001922038216,440300,定制化服务,17", "入选年份")]
    public void EachRuleOfARowNamesItsReason(string row, string reason)
    {
        var problem = Assert.Single(Check(RosterRows.Headers.Aggregate((a, b) => a + "," + b) + "\n" + row).Problems);
        Assert.Equal(2, problem.Row);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void TheSameDemonstrationTwiceInOneFileIsReportedOnItsSecondRow()
    {
        var problem = Assert.Single(Check(Roster + "\n1,示范企业,深圳某某电子,914403001922038216,440300,,2017").Problems);
        Assert.Equal(5, problem.Row);
        Assert.Contains("第 2 行", problem.Reason);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("第3批")]
    [InlineData("第三批")]
    [InlineData("第 3 批")]
    [InlineData("三")]
    public void TheBatchIsReadAsANumberOrAsTheNoticeWritesIt(string batch)
    {
        var (rows, problems) = Check(RosterRows.Headers.Aggregate((a, b) => a + "," + b) + $"\n{batch},示范企业,某某公司,914403001922038216,440300,定制化服务,2021");
        Assert.Empty(problems);
        Assert.Equal(3, Assert.Single(rows).Facts.Batch);
    }

    [Theory]
    [InlineData("第五批")]
    [InlineData("第3")]
    [InlineData("三批次")]
    public void ABatchOutsideOneToFourOrUnreadableIsRefused(string batch) =>
        Assert.Contains("批次", Assert.Single(Check(RosterRows.Headers.Aggregate((a, b) => a + "," + b) +
            $"\n{batch},示范企业,某某公司,914403001922038216,440300,定制化服务,2021").Problems).Reason);

    [Theory]
    [InlineData(1, 2015, false)]
    [InlineData(1, 2017, true)]
    [InlineData(3, 2018, false)]
    [InlineData(3, 2019, true)]
    [InlineData(4, 2023, true)]
    [InlineData(4, 2024, false)]
    public void TheYearSelectedFitsTheBatchAndIsNotInTheFuture(int batch, int year, bool fits)
    {
        Assert.Equal(fits, YearSelected.Fits(batch, year, 2023));
        var problems = Check(RosterRows.Headers.Aggregate((a, b) => a + "," + b) + $"\n{batch},示范企业,某某公司,914403001922038216,440300,定制化服务,{year}").Problems;
        Assert.Equal(fits, problems.Count == 0);
        Assert.All(problems, p => Assert.Contains("入选年份", p.Reason));
    }

    [Fact]
    public void ATitleAboveTheHeaderIsSkippedAndRowsKeepTheirNumbersInTheFile()
    {
        var (rows, problems) = Check("前四批服务型制造示范名单,,,,,,\n2023 年 3 月\n" + Roster);

        Assert.Empty(problems);
        Assert.Equal([4, 5, 6], rows.Select(r => r.Row));
        Assert.Equal(2, RosterRows.HeaderIndex(RosterFile.Csv("标题\n说明\n" + Roster)));
    }

    [Fact]
    public void AHeaderWithoutAColumnRefusesTheFileAsRowOne() =>
        Assert.Equal(1, Assert.Single(Check("批次,名称\n1,某某").Problems).Row);

    [Fact]
    public void AQuotedFieldOverTwoLinesKeepsTheRowNumbersOfTheFile()
    {
        var (rows, problems) = Check(RosterRows.Headers.Aggregate((a, b) => a + "," + b) +
            "\n1,示范项目,\"某某项目\n（二期）\",,440300,,2017\n1,示范项目,某某,,440300,,2017");
        Assert.Equal(2, Assert.Single(problems).Row); // a name holds no line break
        Assert.Equal(4, Assert.Single(rows).Row);
    }

    [Fact]
    public void AnXlsxRosterReadsAsTheSameRowsAsItsCsv()
    {
        var csv = RosterFile.Csv(Roster);
        var workbook = Spreadsheet.Write("名单", csv.Select(r => r.Cells).ToList(), [10, 10, 10, 10, 10, 10, 10]);

        Assert.True(RosterFile.LooksLikeXlsx(workbook));
        Assert.Equal(Check(Roster).Rows, RosterRows.Check(RosterFile.Read(workbook, xlsx: true), 2023).Rows);
    }

    [Fact]
    public void ImportingTheSameRowsAgainChangesNothing()
    {
        var (rows, _) = Check(Roster);
        var import = new ImportRoster(Guid.CreateVersion7(), "roster.csv", "hash", 3, rows, [], "ministry");
        var first = RosterImportDecider.Decide(import, rows.ToDictionary(r => r.DemonstrationId, _ => (Demonstration?)null), Now);
        var states = rows.ToDictionary(r => r.DemonstrationId, r => (Demonstration?)Demonstration.Create((DemonstrationEnrolled)first[r.DemonstrationId].Single()));

        var again = RosterImportDecider.Decide(import with { ImportId = Guid.CreateVersion7() }, states, Now);

        Assert.All(rows, r => Assert.Empty(again[r.DemonstrationId]));
        var report = Assert.IsType<RosterImported>(Assert.Single(again.Values.SelectMany(e => e)));
        Assert.Equal((0, 0, 3), (report.Enrolled, report.Corrected, report.Unchanged));
        Assert.Equal((3, 0, 0), (((RosterImported)first[import.ImportId].Single()).Enrolled, 0, 0));
    }

    [Fact]
    public void ARowARuleRefusesJoinsTheProblemsAndTheOthersImport()
    {
        var (rows, _) = Check(Roster);
        var known = Demonstration.Create(new DemonstrationEnrolled(rows[0].DemonstrationId, 1, DemonstrationCategory.Platform, "x",
            "914403001922038216", "440300", Now));
        var import = new ImportRoster(Guid.CreateVersion7(), "roster.csv", "hash", 3, rows, [new RowProblem(9, "bad")], "ministry");

        var decided = RosterImportDecider.Decide(import, rows.ToDictionary(r => r.DemonstrationId, r => r.Row == 2 ? known : null), Now);

        var report = (RosterImported)decided[import.ImportId].Single();
        Assert.Equal([2, 9], report.Problems.Select(p => p.Row));
        Assert.Equal(2, report.Enrolled);
    }

    [Fact]
    public void TheErrorReportListsEachRowAndReason()
    {
        var report = new RosterImport(Guid.CreateVersion7(), "r.csv", "h", 3, 2, 0, 0, [new RowProblem(5, "批次须为 1 至 4。 \"x\"")], Now);
        Assert.Equal("\uFEFF行号,原因\r\n5,\"批次须为 1 至 4。 \"\"x\"\"\"\r\n", report.ErrorReportCsv());
    }
}
