using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.Testing;
using DocumentFormat.OpenXml.Packaging;
using MassTransit;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.EndToEnd;

[Collection(WholeSystemCollection.Name)]
public class LifecycleTests(WholeSystem system)
{
    public static TheoryData<string> Categories => ["enterprise", "platform", "city"];

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task EachCategoryGoesFromDraftToStampedFormThroughTheGateway(string category)
    {
        var (userName, authority, name, form) = category switch
        {
            "enterprise" => ("applicant.shenzhen", "440300", "深圳某某智能制造有限公司", Api.EnterpriseForm),
            "platform" => ("applicant.shenzhen", "440300", "深圳某某智能制造有限公司", PlatformForm),
            _ => ("city.ningbo", "330200", "宁波市经济和信息化局", CityForm),
        };
        var owner = await system.ClientAsync(userName);
        var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");

        var created = await owner.PostAsJsonAsync("/api/v1/applications",
            new { category, organisationName = name, creditCode = Api.ShenzhenCreditCode, authorityCode = authority });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/v1/applications/{id}/form", form)).StatusCode);

        using (var docx = WordprocessingDocument.Open(await owner.GetStreamAsync($"/api/v1/applications/{id}/form-document"), false))
            Assert.Contains(name, docx.MainDocumentPart!.Document.Body!.InnerText);

        var submitted = await owner.PostAsync($"/api/v1/applications/{id}/submission", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var verified = await owner.PostAsJsonAsync($"/api/v1/applications/{id}/receipt-verification", receipt);
        Assert.True((await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        await Api.WaitForReviewCaseAsync(ministry, id, TimeSpan.FromSeconds(60));

        // Review's initial-review decision arrives as Review would send it (its API for that is a later issue).
        await PublishAsReviewAsync(new ApplicationReviewStageReached(id, ReviewStage.PassedInitialReview, null, DateTimeOffset.UtcNow));
        await WaitForStatusAsync(owner, id, "passedInitialReview");

        var scan = new byte[2_000_000];
        Random.Shared.NextBytes(scan);
        "%PDF-1.7\n"u8.CopyTo(scan);
        var content = new ByteArrayContent(scan) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        var uploaded = await owner.PutAsync($"/api/v1/applications/{id}/stamped-form", content);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var details = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("stampedFormUploaded", details.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), details.GetProperty("stampedForm").GetProperty("sha256").GetString());
    }

    async Task PublishAsReviewAsync(ApplicationReviewStageReached message)
    {
        var broker = new Uri((await system.App.GetConnectionStringAsync("messaging"))!);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker));
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        try { await bus.Publish(message); }
        finally { await bus.StopAsync(); }
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

    static readonly object Contact = new { name = "李明", title = "总经理助理", phone = "0755-88880000", email = "liming@example.cn" };

    static readonly object PlatformForm = new
    {
        contact = Contact,
        declarations = new { operatingAndFinancialConditionGood = true, incidents = Array.Empty<object>() },
        platform = new
        {
            @class = "sharedManufacturing", origin = "thirdParty", serviceMode = "sharedManufacturing", inOperationSince = "2019-06-01",
            sharedManufacturing = new { resourcePublication = "在线发布设备", orderMatching = "订单匹配", productionManagement = "按工序分解",
                paymentGuarantee = "支付担保", creditEvaluation = "信用评价" },
            achievements = "接入工厂 1200 家",
        },
    };

    static readonly object CityForm = new
    {
        contact = Contact,
        city = new { @class = "industrialDesign", cityName = "宁波市", nationalIndustrialDesignCentres = 8, measures = "工业设计专项政策", evidence = "国家级工业设计中心 8 家" },
    };
}
