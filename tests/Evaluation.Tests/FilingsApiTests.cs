using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Services.Evaluation.Progress;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

public class FilingsApiTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public async Task AVerifiedMemberFilesADraftWithADocumentAndGetsAReceiptThatVerifies()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var member = TestUsers.Applicant with { Subject = Guid.CreateVersion7().ToString(), CreditCode = code };
        var demonstration = await EnrollAsync(app, new { batch = 3, category = "enterprise", name = "深圳某某电子有限公司", creditCode = code, authorityCode = "440300", year = 2021 });
        var applicant = app.ClientFor(member);
        var path = $"/api/v1/demonstrations/{demonstration.Id}/filing";

        // Not yet verified by Identity: the organisation's demonstration is not the account's.
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021, 2022))).StatusCode);
        await VerifyMemberAsync(app, member.Subject, code, 1);

        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021))).StatusCode);
        await ApiJson.AssertProblemAsync(await applicant.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, FilingRules.YearsMissing.Code);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021, 2022))).StatusCode);
        await ApiJson.AssertProblemAsync(await applicant.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, FilingRules.DocumentsRequired.Code);
        var upload = await applicant.PostAsync($"{path}/documents?campaignId={campaign}", TestScans.Content(TestScans.Pdf("Audit report 2022")));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var response = await applicant.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<FilingReceipt>(ApiJson.Options))!;
        Assert.True(await VerifiesAsync(applicant, receipt));
        Assert.False(await VerifiesAsync(applicant, receipt with { ContentHash = new string('0', 64) }));
        Assert.True(await VerifiesAsync(app.ClientFor(TestUsers.ShenzhenOfficer), receipt));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer)
            .PostAsJsonAsync("/api/v1/demonstrations/filing-receipt-verification", receipt)).StatusCode);
        await ApiJson.AssertProblemAsync(await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021, 2022)),
            HttpStatusCode.Conflict, FilingRules.Frozen.Code);

        // Another organisation's member, another authority: as if it did not exist; its own authority reads but does not file.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.OtherApplicant).GetAsync($"{path}?campaignId={campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).GetAsync($"{path}?campaignId={campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.ShenzhenOfficer).GetAsync($"{path}?campaignId={campaign}")).StatusCode);

        // The ministry returns it with comments; it is filed again, and the first receipt still verifies.
        var ministry = app.ClientFor(TestUsers.Ministry);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"{path}/return", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, FilingRules.CommentsRequired.Code);
        var returned = await (await ministry.PostAsJsonAsync($"{path}/return", new { campaignId = campaign, comments = "请补充 2022 年审计报告" }))
            .Content.ReadFromJsonAsync<EvaluationFiling>(ApiJson.Options);
        Assert.Equal((FilingStatus.Returned, "请补充 2022 年审计报告"), (returned!.Status, returned.ReturnComments));
        var second = (await (await applicant.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign }))
            .Content.ReadFromJsonAsync<FilingReceipt>(ApiJson.Options))!;
        Assert.True(await VerifiesAsync(applicant, receipt));
        Assert.True(await VerifiesAsync(applicant, second));
        var acknowledged = await (await ministry.PostAsJsonAsync($"{path}/acknowledgement", new { campaignId = campaign }))
            .Content.ReadFromJsonAsync<EvaluationFiling>(ApiJson.Options);
        Assert.Equal(FilingStatus.Acknowledged, acknowledged!.Status);
        var document = acknowledged.Documents.Single();
        var download = await app.ClientFor(TestUsers.ShenzhenOfficer).GetAsync($"{path}/documents/{document.DocumentId}?campaignId={campaign}");
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task AFilingAfterTheDeadlineIsRefusedAndPassesUnderTheMinistrysException()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 3, 14)); // the test clock stands at 2023-03-15
        var city = TestUsers.CityAuthority with { Subject = Guid.CreateVersion7().ToString(), City = "宁波" + Random.Shared.Next(100000) + "市" };
        var demonstration = await EnrollAsync(app, new { batch = 2, category = "city", name = city.City, authorityCode = "330200", year = 2022 });
        var client = app.ClientFor(city);
        var path = $"/api/v1/demonstrations/{demonstration.Id}/filing";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2022))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{path}/documents?campaignId={campaign}", TestScans.Content(TestScans.Png(), "image/png"))).StatusCode);
        var before = await app.EventCountAsync();

        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, FilingRules.DeadlinePassed.Code);
        Assert.Equal(before, await app.EventCountAsync());

        await GrantExceptionAsync(app, campaign, "130000", new DateOnly(2023, 3, 31));
        await ApiJson.AssertProblemAsync(await client.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign }),
            HttpStatusCode.UnprocessableEntity, FilingRules.DeadlinePassed.Code);
        await GrantExceptionAsync(app, campaign, "330200", new DateOnly(2023, 3, 31));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign })).StatusCode);

        var progress = await app.ClientFor(TestUsers.Ministry).GetFromJsonAsync<List<AuthorityProgress>>(
            $"/api/v1/demonstrations/progress?campaignId={campaign}&authorityCode=330200", ApiJson.Options);
        var ningbo = Assert.Single(progress!);
        Assert.Equal(new DateOnly(2023, 3, 31), ningbo.Deadline);
        Assert.Equal(ProgressStatus.Filed, ningbo.Demonstrations.Single(d => d.DemonstrationId == demonstration.Id).Status);
    }

    [Fact]
    public async Task TheAuthorityExplainsADemonstrationThatCannotFileAndTheExplanationIsPublishedForItsPackage()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var demonstration = await EnrollAsync(app, new { batch = 1, category = "enterprise", name = "深圳某某已注销公司", creditCode = code, authorityCode = "440300", year = 2017 });
        await using var review = await BrokerProbe<EvaluationExplanationFiled>.StartAsync(app);
        var officer = app.ClientFor(TestUsers.ShenzhenOfficer);
        var path = $"/api/v1/demonstrations/{demonstration.Id}/filing/explanation";

        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.DalianOfficer).PostAsync(path, Form(campaign, "cancelled"))).StatusCode);
        await ApiJson.AssertProblemAsync(await officer.PostAsync(path, Form(campaign, "closedForever")), HttpStatusCode.BadRequest, "validation");
        var response = await officer.PostAsync(path, Form(campaign, "cancelled"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var filing = (await response.Content.ReadFromJsonAsync<EvaluationFiling>(ApiJson.Options))!;
        Assert.Equal((FilingStatus.Explained, BusinessStatus.Cancelled), (filing.Status, filing.Explanation!.Status));
        var message = await review.WaitForAsync(m => m.DemonstrationId == demonstration.Id);
        Assert.Equal((campaign, "440300", "企业已于 2022 年注销", filing.Explanation.Document.Sha256),
            (message.Message.CampaignId, message.Message.AuthorityCode, message.Message.Reason, message.Message.DocumentSha256));
        // The message says where the ministry opens the supporting document, and it does.
        Assert.Equal(filing.Explanation.Document.DocumentId, message.Message.DocumentId);
        var download = await app.ClientFor(TestUsers.Ministry).GetAsync(message.Message.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(filing.Explanation.Document.Sha256,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));

        var progress = await officer.GetFromJsonAsync<List<AuthorityProgress>>($"/api/v1/demonstrations/progress?campaignId={campaign}", ApiJson.Options);
        var shenzhen = Assert.Single(progress!);
        Assert.Equal(ProgressStatus.Explained, shenzhen.Demonstrations.Single(d => d.DemonstrationId == demonstration.Id).Status);
        Assert.All(shenzhen.Demonstrations.Where(d => d.Status == ProgressStatus.NotStarted), d => Assert.True(d.Owed));
    }

    [Fact]
    public async Task ADemonstrationWhoseTitleWasRevokedSavesNoDraftAndUploadsNothing()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var member = TestUsers.Applicant with { Subject = Guid.CreateVersion7().ToString(), CreditCode = code };
        var demonstration = await EnrollAsync(app, new { batch = 2, category = "enterprise", name = "深圳某某撤销公司", creditCode = code, authorityCode = "440300", year = 2018 });
        await VerifyMemberAsync(app, member.Subject, code, 1);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync(
            $"/api/v1/demonstrations/{demonstration.Id}/outcome", new { outcome = "titleRevoked", reasons = "连续两年未开展服务型制造业务" })).StatusCode);
        var applicant = app.ClientFor(member);
        var path = $"/api/v1/demonstrations/{demonstration.Id}/filing";
        var before = await app.EventCountAsync();

        await ApiJson.AssertProblemAsync(await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2018)),
            HttpStatusCode.Conflict, FilingRules.TitleRevoked.Code);
        await ApiJson.AssertProblemAsync(await applicant.PostAsync($"{path}/documents?campaignId={campaign}", TestScans.Content(TestScans.Pdf("Audit"))),
            HttpStatusCode.Conflict, FilingRules.TitleRevoked.Code);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task AProjectWithoutACreditCodeIsFiledByItsAuthoritysOfficerWhoFilesForNoOtherDemonstration()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var project = await EnrollAsync(app, new { batch = 1, category = "project", name = "某某服务型制造项目" + Random.Shared.Next(100000), authorityCode = "440300", year = 2017 });
        var company = await EnrollAsync(app, new { batch = 1, category = "enterprise", name = "深圳某某有代码公司", creditCode = NewCreditCode(), authorityCode = "440300", year = 2017 });
        var officer = app.ClientFor(TestUsers.ShenzhenOfficer);
        var path = $"/api/v1/demonstrations/{project.Id}/filing";

        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2017, 2018, 2019, 2020, 2021, 2022))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/documents?campaignId={campaign}", TestScans.Content(TestScans.Pdf("Project report")))).StatusCode);
        var submitted = await officer.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // Another authority's officer does not see it; the same officer does not file for a demonstration with its own account.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2017))).StatusCode);
        await ApiJson.AssertProblemAsync(await officer.PutAsJsonAsync($"/api/v1/demonstrations/{company.Id}/filing?campaignId={campaign}", Draft(2017)),
            HttpStatusCode.Forbidden, "demonstration-owner-only");
    }

    [Fact]
    public async Task TheMinistrysWorklistShowsAcrossAuthoritiesTheFilingsAwaitingIntakeAndNotThoseAcknowledged()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var ministry = app.ClientFor(TestUsers.Ministry);
        var officer = app.ClientFor(TestUsers.ShenzhenOfficer);
        var ids = new List<Guid>();
        foreach (var n in new[] { 1, 2 })
        {
            var project = await EnrollAsync(app, new { batch = 3, category = "project", name = $"待受理项目{n}-" + Random.Shared.Next(100000), authorityCode = "440300", year = 2021 });
            var path = $"/api/v1/demonstrations/{project.Id}/filing";
            Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021, 2022))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"{path}/documents?campaignId={campaign}", TestScans.Content(TestScans.Pdf("Report")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign })).StatusCode);
            ids.Add(project.Id);
        }
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/demonstrations/{ids[0]}/filing/acknowledgement", new { campaignId = campaign })).StatusCode);

        var worklist = await ministry.GetFromJsonAsync<List<AuthorityProgress>>(
            $"/api/v1/demonstrations/progress?campaignId={campaign}&awaitingIntake=true", ApiJson.Options);
        var waiting = worklist!.SelectMany(a => a.Demonstrations).ToList();
        Assert.All(waiting, d => Assert.True(d.AwaitingIntake));
        Assert.Contains(waiting, d => d.DemonstrationId == ids[1]);
        Assert.DoesNotContain(waiting, d => d.DemonstrationId == ids[0]);
        Assert.All(worklist!, a => Assert.True(a.AwaitingIntake > 0));

        var shenzhen = Assert.Single((await ministry.GetFromJsonAsync<List<AuthorityProgress>>(
            $"/api/v1/demonstrations/progress?campaignId={campaign}&authorityCode=440300", ApiJson.Options))!);
        Assert.Equal(shenzhen.Filed, shenzhen.AwaitingIntake + shenzhen.Acknowledged);
        Assert.True(shenzhen.Acknowledged >= 1);
        Assert.False(shenzhen.Demonstrations.Single(d => d.DemonstrationId == ids[0]).AwaitingIntake);
    }

    static MultipartFormDataContent Form(Guid campaign, string status) => new()
    {
        { new StringContent(campaign.ToString()), "campaignId" },
        { new StringContent(status), "status" },
        { new StringContent("2022-11-30"), "statusDate" },
        { new StringContent("企业已于 2022 年注销"), "reason" },
        { TestScans.Content(TestScans.Pdf("Certificate of cancellation")), "document", "cancellation.pdf" },
    };

    static async Task<bool> VerifiesAsync(HttpClient client, FilingReceipt receipt)
    {
        var response = await client.PostAsJsonAsync("/api/v1/demonstrations/filing-receipt-verification", receipt);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReceiptVerification>(ApiJson.Options))!.Valid;
    }
}
