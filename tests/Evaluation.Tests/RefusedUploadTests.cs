using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>
/// A file is kept only when the decision that uses it succeeds (issue 8): a filing document or an explanation that is
/// refused, for its content or by a rule, leaves no scan in the archive and no event.
/// </summary>
public class RefusedUploadTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public async Task AFilingDocumentThatIsNotAScanIsRefusedAndNothingIsStored()
    {
        var (campaign, demonstration, member) = await MemberWithDemonstrationAsync();
        var (scans, events) = (await ScansAsync(), await app.EventCountAsync());

        await ApiJson.AssertProblemAsync(await app.ClientFor(member).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/documents?campaignId={campaign}", TestScans.Content("这不是审计报告"u8.ToArray())),
            HttpStatusCode.UnprocessableEntity, "scan-not-pdf-or-image");

        Assert.Equal((scans, events), (await ScansAsync(), await app.EventCountAsync()));
    }

    [Fact]
    public async Task ADocumentForAnExplainedFilingIsRefusedAndNothingIsStored()
    {
        var (campaign, demonstration, member) = await MemberWithDemonstrationAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/explanation", Explanation(campaign, "2022-11-30", TestScans.Pdf("Cancellation")))).StatusCode);
        var (scans, events) = (await ScansAsync(), await app.EventCountAsync());

        await ApiJson.AssertProblemAsync(await app.ClientFor(member).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/documents?campaignId={campaign}", TestScans.Content(TestScans.Pdf("Audit report 2022"))),
            HttpStatusCode.Conflict, FilingRules.Explained.Code);

        Assert.Equal((scans, events), (await ScansAsync(), await app.EventCountAsync()));
    }

    [Fact]
    public async Task AnExplanationRefusedByItsRuleLeavesNoScan()
    {
        var (campaign, demonstration, _) = await MemberWithDemonstrationAsync();
        var (scans, events) = (await ScansAsync(), await app.EventCountAsync());

        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/explanation", Explanation(campaign, "2024-01-01", TestScans.Pdf("Cancellation"))),
            HttpStatusCode.UnprocessableEntity, FilingRules.StatusDateInFuture.Code);

        Assert.Equal((scans, events), (await ScansAsync(), await app.EventCountAsync()));
    }

    [Fact]
    public async Task AnExplanationWhoseDocumentIsNotAScanIsRefusedAndNothingIsStored()
    {
        var (campaign, demonstration, _) = await MemberWithDemonstrationAsync();
        var (scans, events) = (await ScansAsync(), await app.EventCountAsync());

        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/explanation", Explanation(campaign, "2022-11-30", "这不是注销证明"u8.ToArray())),
            HttpStatusCode.UnprocessableEntity, "scan-not-pdf-or-image");

        Assert.Equal((scans, events), (await ScansAsync(), await app.EventCountAsync()));
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("document")]
    public async Task AnExplanationNamingAFieldTwiceIsRefusedNamingItAndNothingIsStored(string twice)
    {
        var (campaign, demonstration, _) = await MemberWithDemonstrationAsync();
        var (scans, events) = (await ScansAsync(), await app.EventCountAsync());
        var form = Explanation(campaign, "2022-11-30", TestScans.Pdf("Cancellation"));
        if (twice == "document") form.Add(TestScans.Content(TestScans.Pdf("Another")), "document", "another.pdf");
        else form.Add(new StringContent("另一个理由"), twice);

        var problem = await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync(
            $"/api/v1/demonstrations/{demonstration}/filing/explanation", form), HttpStatusCode.BadRequest, "validation");

        Assert.Equal(ServiceManufacturing.ServiceDefaults.Http.ControlCharacters.DuplicateField,
            Assert.Single(problem.GetProperty("errors").GetProperty(twice).EnumerateArray()).GetString());
        Assert.Equal((scans, events), (await ScansAsync(), await app.EventCountAsync()));
    }

    async Task<(Guid Campaign, Guid Demonstration, ServiceManufacturing.ServiceDefaults.Identity.CurrentUser Member)> MemberWithDemonstrationAsync()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var member = TestUsers.Applicant with { Subject = Guid.CreateVersion7().ToString(), CreditCode = code };
        var demonstration = await EnrollAsync(app, new { batch = 1, category = "enterprise", name = "深圳某某上传测试有限公司", creditCode = code, authorityCode = "440300", year = 2017 });
        await VerifyMemberAsync(app, member.Subject, code, 1);
        return (campaign, demonstration.Id, member);
    }

    static MultipartFormDataContent Explanation(Guid campaign, string statusDate, byte[] document) => new()
    {
        { new StringContent(campaign.ToString()), "campaignId" },
        { new StringContent("cancelled"), "status" },
        { new StringContent(statusDate), "statusDate" },
        { new StringContent("企业已注销"), "reason" },
        { TestScans.Content(document), "document", "cancellation.pdf" },
    };

    Task<long> ScansAsync() => app.Services.GetRequiredService<ScanArchive>().CountAsync(CancellationToken.None);
}
