using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Registration.Documents;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

public class DocumentsApiTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    public static TheoryData<string, string, string[]> Categories => new()
    {
        { "enterprise", "440300", ["示范企业", "深圳某某智能制造有限公司", "914403001922038216", "深圳市（440300）", "李明", "总经理助理", "0755-88880000",
            "liming@example.cn", "是", "2020-06-01 重大安全事故：2020 年车间火灾，已整改", "通用设备制造业", "全生命周期管理", "100,000 / 40,000",
            "战略规划、组织保障、技术创新、流程再造", "服务收入三年增长 60%"] },
        { "platform", "440300", ["示范平台", "共享制造类", "从制造业企业衍生", "共享制造", "2020-01-01", "在线发布设备与产能", "订单智能匹配",
            "按工序分解、多工厂协同", "第三方支付担保", "双向信用评价", "在线服务与线上线下联动", "接入工厂 1200 家"] },
        { "city", "330200", ["示范城市", "综合类", "宁波市", "12", "4", "6", "出台服务型制造专项政策", "示范企业 12 家、平台 4 个、项目 6 个"] },
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task TheDownloadedFormHoldsTheApplicantsChineseNameAndEveryFieldInACjkTypeface(string category, string authority, string[] expected)
    {
        var user = category == "city" ? TestUsers.CityAuthority : TestUsers.Applicant;
        var form = category switch { "enterprise" => Forms.Enterprise(), "platform" => Forms.Platform(new DateOnly(2020, 1, 1)), _ => Forms.City("宁波市") };
        var id = await app.DraftAsync(user, category, authority, form);

        var response = await app.ClientFor(user).GetAsync($"/api/v1/applications/{id}/form-document");

        Assert.Equal(ApplicationFormDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        // Valid against the Office schemas, which Word and WPS hold a document to.
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Text>().Select(t => t.Text));
        Assert.Contains(user.Name, text);
        Assert.All(expected, value => Assert.Contains(value, text));
        Assert.All(body.Descendants<RunFonts>(), fonts => Assert.Equal("宋体", fonts.EastAsia?.Value));
    }

    [Fact]
    public async Task AStampedScanIsKeptWithItsHashAfterTheAuthorityPassedTheApplication()
    {
        var id = await PassedAsync();
        var scan = TestScans.Pdf($"Stamped form {id}", noiseSide: 700); // over 1 MB: several chunks
        Assert.True(scan.Length > 1_000_000);

        var uploaded = await UploadAsync(id, scan, "application/pdf");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var details = (await uploaded.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!;
        Assert.Equal(ApplicationStatus.StampedFormUploaded, details.Status);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(scan)), scan.LongLength, "application/pdf"),
            (details.StampedForm!.Sha256, details.StampedForm.Length, details.StampedForm.ContentType));
        Assert.Equal(scan, await app.ClientFor(TestUsers.ShenzhenOfficer).GetByteArrayAsync($"/api/v1/applications/{id}/stamped-form"));
    }

    [Fact]
    public async Task AnExpertReadsTheFormAndTheStampedScanByASignedLinkOnlyWhileItIsValidAndUntampered()
    {
        var id = await PassedAsync();
        var scan = TestScans.Pdf($"Stamped form {id}");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(id, scan, "application/pdf")).StatusCode);
        var links = app.Services.GetRequiredService<DocumentLinks>();
        var expert = app.ClientFor(TestUsers.Expert);

        // Registration knows nothing of assignments: the link Review signed is what lets the expert in.
        var (scanLink, expiresAt) = links.Issue(id, DocumentLinks.StampedForm, TestUsers.Expert.Subject);
        Assert.Equal(app.Clock.GetUtcNow().Add(DocumentLinks.Lifetime).ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds());
        Assert.Equal(scan, await expert.GetByteArrayAsync(scanLink));
        var form = await expert.GetAsync(links.Issue(id, DocumentLinks.Form, TestUsers.Expert.Subject).Path);
        Assert.Equal(ApplicationFormDocument.ContentType, form.Content.Headers.ContentType?.MediaType);

        // Without a link, the expert's role reads nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/v1/applications/{id}/stamped-form")).StatusCode);
        // A tampered signature, a signature for another document or application, or none: refused, never served.
        var tampered = scanLink[..^1] + (scanLink[^1] == '0' ? '1' : '0');
        var otherDocument = scanLink.Replace("/stamped-form?", "/form?");
        var otherApplication = scanLink.Replace(id.ToString(), Guid.CreateVersion7().ToString());
        var noSignature = scanLink[..scanLink.IndexOf("&signature=", StringComparison.Ordinal)];
        var laterExpiry = scanLink.Replace($"expires={expiresAt.ToUnixTimeSeconds()}", $"expires={expiresAt.ToUnixTimeSeconds() + 3600}");
        var otherSubject = scanLink.Replace($"subject={TestUsers.Expert.Subject}", "subject=expert-2");
        foreach (var link in new[] { tampered, otherDocument, otherApplication, noSignature, laterExpiry, otherSubject })
            await ApiJson.AssertProblemAsync(await expert.GetAsync(link), HttpStatusCode.Forbidden, DocumentLinks.Invalid.Code);
        // An expired link: signed eleven minutes ago.
        var past = new DocumentLinks(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            new TestClock(app.Clock.GetUtcNow() - DocumentLinks.Lifetime - TimeSpan.FromMinutes(1)));
        await ApiJson.AssertProblemAsync(await expert.GetAsync(past.Issue(id, DocumentLinks.StampedForm, TestUsers.Expert.Subject).Path), HttpStatusCode.Forbidden,
            DocumentLinks.Invalid.Code);
        // A genuine link is its user's alone: another expert (or officer) presenting it learns nothing of the application.
        var colleague = app.ClientFor(TestUsers.Expert with { Subject = "expert-2" });
        await ApiJson.AssertProblemAsync(await colleague.GetAsync(scanLink), HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Ministry).GetAsync(scanLink), HttpStatusCode.NotFound, ApplicationRules.NotFound.Code);
        Assert.Equal(scan, await colleague.GetByteArrayAsync(links.Issue(id, DocumentLinks.StampedForm, "expert-2").Path));
        // A document links cannot name, and a malformed expiry: 404 and 400, never 500.
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(scanLink.Replace("/stamped-form?", "/licence?"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.GetAsync(scanLink.Replace("expires=", "expires=x"))).StatusCode);
    }

    [Theory]
    [InlineData("a text file named .pdf", "application/pdf")]
    [InlineData("an executable named .png", "image/png")]
    public async Task AnUploadWhoseBytesAreNotAPdfOrImageIsRefusedAndNothingIsRecorded(string what, string declaredType)
    {
        var id = await PassedAsync();
        var bytes = what.Contains("executable") ? [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1] : "这不是 PDF"u8.ToArray();

        var response = await UploadAsync(id, bytes, declaredType);

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ScanArchive.NotAScan.Code);
        var details = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{id}", ApiJson.Options);
        Assert.Null(details!.StampedForm);
    }

    [Fact]
    public async Task AnUploadBeforePassingInitialReviewIsRefused()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());

        var before = await ScansAsync();

        await ApiJson.AssertProblemAsync(await UploadAsync(id, TestScans.Pdf(), "application/pdf"), HttpStatusCode.Conflict,
            ApplicationRules.StampedFormAfterPassing.Code);
        Assert.Equal(before, await ScansAsync());
    }

    [Fact]
    public async Task AFileThatOnlyStartsLikeAScanIsRefusedAndNoBlobIsLeft()
    {
        var id = await PassedAsync();
        var before = await ScansAsync();

        foreach (var (hostile, bytes) in TestScans.Hostile)
        {
            var response = await UploadAsync(id, bytes, ScanContent.Sniff(bytes) ?? "application/pdf");

            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{hostile}: {response.StatusCode}");
            await ApiJson.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, ScanArchive.NotAScan.Code);
        }
        Assert.Equal(before, await ScansAsync());
        var details = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{id}", ApiJson.Options);
        Assert.Null(details!.StampedForm);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    public async Task APngOrJpegScanIsKeptAsWhatItIs(string contentType)
    {
        var id = await PassedAsync();
        var scan = contentType == "image/png" ? TestScans.Png() : TestScans.Jpeg();

        var response = await UploadAsync(id, scan, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = (await response.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!;
        Assert.Equal(contentType, details.StampedForm!.ContentType);
    }

    [Fact]
    public async Task TheDeclaredContentTypeMustBeAScanTypeAndMatchTheContent()
    {
        var id = await PassedAsync();
        var before = await ScansAsync();

        await ApiJson.AssertProblemAsync(await UploadAsync(id, TestScans.Png(), "application/pdf"), HttpStatusCode.UnprocessableEntity,
            ScanArchive.TypeMismatch.Code);
        await ApiJson.AssertProblemAsync(await UploadAsync(id, TestScans.Pdf(), "application/octet-stream"), HttpStatusCode.UnsupportedMediaType,
            ScanArchive.UnsupportedType.Code);
        var undeclared = await app.ClientFor(TestUsers.Applicant).PutAsync($"/api/v1/applications/{id}/stamped-form", new ByteArrayContent(TestScans.Pdf()));
        await ApiJson.AssertProblemAsync(undeclared, HttpStatusCode.UnsupportedMediaType, ScanArchive.UnsupportedType.Code);
        Assert.Equal(before, await ScansAsync());
    }

    [Fact]
    public async Task AScanWhoseDecisionFailsIsRemovedAgain()
    {
        var archive = app.Services.GetRequiredService<ScanArchive>();
        var before = await archive.CountAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => archive.StoreAsync<long>(new MemoryStream(TestScans.Pdf()), "application/pdf",
            async scan =>
            {
                Assert.Equal(before + 1, await archive.CountAsync(CancellationToken.None)); // stored while it is decided on
                throw new InvalidOperationException("the application was withdrawn meanwhile");
            }, CancellationToken.None));

        Assert.Equal(before, await archive.CountAsync(CancellationToken.None));
    }

    Task<long> ScansAsync() => app.Services.GetRequiredService<ScanArchive>().CountAsync(CancellationToken.None);

    [Fact]
    public async Task AnUploadOverTwentyMegabytesIsRefused()
    {
        var id = await PassedAsync();

        await ApiJson.AssertProblemAsync(await UploadAsync(id, Pdf(21 * 1024 * 1024), "application/pdf"), HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    async Task<Guid> PassedAsync()
    {
        await using var review = await BrokerProbe<Published.ApplicationReviewStageReached>.StartAsync(app);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Applicant).PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        await review.PublishAsync(new Published.ApplicationReviewStageReached(id, Published.ReviewStage.PassedInitialReview, null, DateTimeOffset.UtcNow, 1), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            var d = await app.ClientFor(TestUsers.Applicant).GetFromJsonAsync<ApplicationDetails>($"/api/v1/applications/{id}", ApiJson.Options);
            return d!.Status == ApplicationStatus.PassedInitialReview ? d : null;
        });
        return id;
    }

    Task<HttpResponseMessage> UploadAsync(Guid id, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return app.ClientFor(TestUsers.Applicant).PutAsync($"/api/v1/applications/{id}/stamped-form", content);
    }

    static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
