using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

[Collection(WholeSystemCollection.Name)]
public class LifecycleTests(WholeSystem system)
{
    public static TheoryData<string> Categories => ["enterprise", "platform", "city"];

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task EachCategoryGoesFromDraftToStampedFormThroughTheGateway(string category)
    {
        // One authority per category here: each authority submits one package per campaign.
        var (userName, authority, name, creditCode, form) = category switch
        {
            "enterprise" => ("applicant.shenzhen", "440300", "深圳某某智能制造有限公司", Api.ShenzhenCreditCode, Api.EnterpriseForm),
            "platform" => ("applicant.guangzhou", "440000", "广州某某工业互联网平台有限公司", "91440101MA5CX12346", Screening.SharedPlatformForm),
            _ => ("city.ningbo", "330200", "宁波市经济和信息化局", Api.ShenzhenCreditCode, Screening.CityForm("宁波市", "industrialDesign")),
        };
        if (userName == "applicant.guangzhou")
            Assert.Contains((await system.Gateway.PostAsJsonAsync("/api/v1/accounts/applicants", new
            {
                userName, password = "Guangzhou-Platform-1", displayName = name, creditCode,
            })).StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        var owner = userName == "applicant.guangzhou"
            ? await system.ClientAsync(userName, "Guangzhou-Platform-1")
            : await system.ClientAsync(userName);
        var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
        if (userName == "applicant.guangzhou") await Screening.BindAsync(system, owner, creditCode, name);

        var created = await owner.PostAsJsonAsync("/api/v1/applications",
            new { category, organisationName = name, creditCode, authorityCode = authority });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/v1/applications/{id}/form", form)).StatusCode);

        using (var docx = WordprocessingDocument.Open(await owner.GetStreamAsync($"/api/v1/applications/{id}/form-document"), false))
            Assert.Contains(name, docx.MainDocumentPart!.Document.Body!.InnerText);

        var submitted = await Api.SubmitAsync(owner, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var verified = await owner.PostAsJsonAsync($"/api/v1/applications/{id}/receipt-verification", receipt);
        Assert.True((await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        await Api.WaitForReviewCaseAsync(ministry, id, TimeSpan.FromSeconds(60));

        // The authority's officer passes it in initial review; the applicant sees that through Registration.
        var officer = await OfficerOfAsync(authority, ministry);
        var passed = await officer.PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        await WaitForStatusAsync(owner, id, "passedInitialReview");

        var scan = TestScans.Pdf($"Stamped application form {id}", noiseSide: 800); // about 2 MB: streamed in chunks
        var content = TestScans.Content(scan);
        var uploaded = await owner.PutAsync($"/api/v1/applications/{id}/stamped-form", content);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var details = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("stampedFormUploaded", details.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), details.GetProperty("stampedForm").GetProperty("sha256").GetString());

        // The officer recommends it, downloads the summary table, uploads its stamped scan and submits the package.
        var campaign = details.GetProperty("campaignId").GetGuid();
        await Screening.Until(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/review-cases/{id}"))
            .GetProperty("stampedFormSha256").ValueKind == JsonValueKind.String, "Review to see the stamped form");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id })).StatusCode);
        using (var table = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(
            await officer.GetStreamAsync($"/api/v1/recommendations/summary-table?campaignId={campaign}"), false))
            Assert.Contains(name, table.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);
        var tableScan = TestScans.Content(TestScans.Pdf("Summary table, stamped"));
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}", tableScan)).StatusCode);
        var package = await officer.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign });
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);

        // The ministry opens the package and downloads each of its documents (the stamped table here, the stamped
        // application form from Registration), each matching the hash the receipt covers.
        var documents = (await ministry.GetFromJsonAsync<JsonElement>($"/api/v1/packages/{authority}?campaignId={campaign}")).GetProperty("documents");
        Assert.Equal(2, documents.GetArrayLength());
        foreach (var document in documents.EnumerateArray())
            Assert.Equal(document.GetProperty("sha256").GetString(),
                Convert.ToHexStringLower(SHA256.HashData(await ministry.GetByteArrayAsync(document.GetProperty("url").GetString()))));

        // The ministry takes the package in: the application now awaits expert review, as its applicant sees.
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/packages/{authority}/acknowledgement", new { campaignId = campaign })).StatusCode);
        await WaitForStatusAsync(owner, id, "awaitingExpertReview");
    }

    /// <summary>An officer of <paramref name="authority"/>: a seeded one, or one the ministry creates.</summary>
    async Task<HttpClient> OfficerOfAsync(string authority, HttpClient ministry)
    {
        if (authority == "440300") return await system.ClientAsync("officer.shenzhen");
        var created = await ministry.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = $"officer.{authority}", password = "Officer-Password-1", displayName = $"推荐单位 {authority} 审核员",
            role = "authority-officer", authorityCode = authority,
        });
        Assert.Contains(created.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        return await system.ClientAsync($"officer.{authority}", "Officer-Password-1");
    }

    static async Task WaitForStatusAsync(HttpClient owner, Guid id, string status)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            var details = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
            if (details.GetProperty("status").GetString() == status) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{id} did not reach {status}.");
        }
    }
}
