using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>What one organisation (or city) files through one authority, and the account it files with.</summary>
public sealed record Filing(string Category, string Authority, string Name, object Form, string CreditCode, string? City = null);

/// <summary>
/// An authority's initial review as the front-ends drive it through the gateway: organisations register and file,
/// the officer passes each application, the applicants upload their stamped forms, and the officer sees them.
/// Every call waits out the rate limit as a well-behaved client does.
/// </summary>
public static class Screening
{
    const string Password = "Screening-Password-1";
    static int organisations;

    /// <summary>A new, valid credit code of an enterprise registered in <paramref name="division"/> (GB/T 2260).</summary>
    public static string CreditCodeIn(string division)
    {
        var head = $"91{division}MA{Interlocked.Increment(ref organisations):0000000}";
        return head + CreditCode.CheckCharacter(head);
    }

    public static Filing Enterprise(string authority, string division, string name) =>
        new("enterprise", authority, name, Api.EnterpriseForm, CreditCodeIn(division));

    public static Filing Platform(string authority, string division, string name, string @class) =>
        new("platform", authority, name, @class == "sharedManufacturing" ? SharedPlatformForm : OtherPlatformForm, CreditCodeIn(division));

    /// <summary>A city's application, filed by the city's own authority account.</summary>
    public static Filing City(string authority, string city, string @class) =>
        new("city", authority, $"{city}工业和信息化局", CityForm(city, @class), CreditCodeOfGovernment(), city);

    /// <summary>An officer of <paramref name="authority"/> that the ministry creates.</summary>
    public static async Task<HttpClient> OfficerAsync(WholeSystem system, string authority, string name)
    {
        using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
        var created = await Api.PostAsync(ministry, "/api/v1/accounts", new
        {
            userName = name, password = Password, displayName = $"推荐单位 {authority} 审核员", role = "authority-officer", authorityCode = authority,
        });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        return await system.ClientAsync(name, Password);
    }

    /// <summary>Files each of <paramref name="filings"/>, has <paramref name="officer"/> pass it and its applicant upload the stamped form.</summary>
    public static async Task<IReadOnlyList<Guid>> PassedAndStampedAsync(WholeSystem system, HttpClient officer, IEnumerable<Filing> filings)
    {
        var filed = await Task.WhenAll(filings.Select(f => FileAsync(system, f)));
        foreach (var (_, id) in filed)
        {
            await Api.WaitForReviewCaseAsync(officer, id, TimeSpan.FromSeconds(60));
            var passed = await Api.PostAsync(officer, $"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
            Assert.True(passed.StatusCode == HttpStatusCode.OK, await passed.Content.ReadAsStringAsync());
        }
        await Task.WhenAll(filed.Select(f => UploadStampedFormAsync(f.Owner, f.Id)));
        foreach (var (_, id) in filed)
            await Until(async () => (await Api.GetJsonAsync(officer, $"/api/v1/review-cases/{id}"))
                .GetProperty("stampedFormSha256").ValueKind == JsonValueKind.String, $"Review to see {id}'s stamped form");
        foreach (var (owner, _) in filed) owner.Dispose();
        return filed.Select(f => f.Id).ToList();
    }

    /// <summary>Registers the filing's account, signs in, and files and submits the application.</summary>
    public static async Task<(HttpClient Owner, Guid Id)> FileAsync(WholeSystem system, Filing filing)
    {
        var owner = await AccountAsync(system, filing);
        var id = await DraftAsync(owner, filing);
        var submitted = await Api.SubmitAsync(owner, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission"));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return (owner, id);
    }

    /// <summary>
    /// The filing's account, signed in: an applicant registers itself; a city's authority account is created by the
    /// ministry.
    /// </summary>
    public static async Task<HttpClient> AccountAsync(WholeSystem system, Filing filing)
    {
        var userName = $"e2e.{filing.CreditCode}";
        if (filing.City is null)
        {
            var registered = await Api.PostAsync(system.Gateway, "/api/v1/accounts/applicants",
                new { userName, password = Password, displayName = filing.Name, creditCode = filing.CreditCode });
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }
        else
        {
            using var ministry = await SignedInAsync(system, "ministry-admin", "Ministry-Admin-2023");
            var created = await Api.PostAsync(ministry, "/api/v1/accounts", new
            {
                userName, password = Password, displayName = filing.Name, role = "city-authority", authorityCode = filing.Authority, city = filing.City,
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var owner = await SignedInAsync(system, userName, Password);
        if (filing.City is null) await BindAsync(system, owner, filing.CreditCode, filing.Name);
        return owner;
    }

    /// <summary>
    /// The applicant asks to be bound to its organisation with a business-licence scan, and an officer of the authority
    /// of the credit code's registration division approves it after looking at the scan (the ministry where no authority is).
    /// </summary>
    public static async Task BindAsync(WholeSystem system, HttpClient applicant, string creditCode, string organisationName)
    {
        var requested = await Api.SendAsync(applicant, new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisation-bindings")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("李明"), "holderName" },
                { new StringContent(organisationName), "organisationName" },
                { new ByteArrayContent(TestScans.Pdf($"Business licence {creditCode}")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } },
                    "licence", "licence.pdf" },
            },
        });
        var body = await requested.Content.ReadFromJsonAsync<JsonElement>();
        if (requested.StatusCode == HttpStatusCode.Conflict && body.GetProperty("code").GetString() == "organisation-already-member") return;
        Assert.True(requested.StatusCode == HttpStatusCode.Created, body.ToString());
        var binding = body.GetProperty("id").GetGuid();
        using var officer = body.GetProperty("authorityCode").GetString() is { } authority
            ? await BindingOfficerAsync(system, authority)
            : await SignedInAsync(system, "ministry-admin", "Ministry-Admin-2023");
        var licence = await Api.GetAsync(officer, $"/api/v1/organisation-bindings/{binding}/licence");
        Assert.True(licence.IsSuccessStatusCode, $"The officer cannot see the licence: {licence.StatusCode}");
        var approved = await Api.PostAsync(officer, $"/api/v1/organisation-bindings/{binding}/approval", null);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
    }

    static readonly ConcurrentDictionary<(Uri, string), Lazy<Task<Tokens>>> BindingOfficers = new();

    /// <summary>An officer of <paramref name="authority"/> who checks bindings, created by the ministry once per system.</summary>
    static async Task<HttpClient> BindingOfficerAsync(WholeSystem system, string authority)
    {
        var tokens = await BindingOfficers.GetOrAdd((system.GatewayAddress, authority), _ => new(async () =>
        {
            var name = $"e2e.binder.{authority}";
            using var ministry = await SignedInAsync(system, "ministry-admin", "Ministry-Admin-2023");
            var created = await Api.PostAsync(ministry, "/api/v1/accounts", new
            {
                userName = name, password = Password, displayName = $"推荐单位 {authority} 账号核验员", role = "authority-officer", authorityCode = authority,
            });
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
            return await SignIn.AsAsync(system.GatewayAddress, name, Password);
        })).Value;
        return SignIn.Bearer(system.GatewayAddress, tokens);
    }

    /// <summary>Creates the draft and saves its form; the application's id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient owner, Filing filing)
    {
        var draft = await CreateDraftAsync(owner, filing);
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var saved = await Api.SendAsync(owner, new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form") { Content = JsonContent.Create(filing.Form) });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return id;
    }

    public static Task<HttpResponseMessage> CreateDraftAsync(HttpClient owner, Filing filing) => Api.PostAsync(owner, "/api/v1/applications",
        new { category = filing.Category, organisationName = filing.Name, creditCode = filing.CreditCode, authorityCode = filing.Authority });

    /// <summary>Once the applicant sees its application passed, it uploads the stamped form (a PDF).</summary>
    static async Task UploadStampedFormAsync(HttpClient owner, Guid id)
    {
        await Until(async () => (await Api.GetJsonAsync(owner, $"/api/v1/applications/{id}")).GetProperty("status").GetString() == "passedInitialReview",
            $"{id} to show it passed");
        var scan = TestScans.Content(TestScans.Pdf($"Stamped application form {id}"));
        var uploaded = await Api.PutAsync(owner, $"/api/v1/applications/{id}/stamped-form", scan);
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in without the shared cache, so that many users may sign in at once.</summary>
    static async Task<HttpClient> SignedInAsync(WholeSystem system, string userName, string password) =>
        SignIn.Bearer(system.GatewayAddress, await SignIn.AsAsync(system.GatewayAddress, userName, password));

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, for <paramref name="within"/> (a minute unless given), trying twice a
    /// second: the gateway lets one user 40 requests in 10 seconds in these tests.
    /// </summary>
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var bound = within ?? TimeSpan.FromMinutes(1);
        for (var deadline = DateTime.UtcNow + bound; !await condition(); await Task.Delay(500))
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {bound} for {what}.");
    }

    /// <summary>A government body's code (registration authority 1, type 1: 机关), new each time.</summary>
    static string CreditCodeOfGovernment()
    {
        var head = $"11000000MB{Interlocked.Increment(ref organisations):0000000}";
        return head + CreditCode.CheckCharacter(head);
    }

    static readonly object Contact = new { name = "王芳", title = "处长", phone = "0311-66660000", email = "wangfang@example.cn" };

    public static readonly object SharedPlatformForm = new
    {
        contact = Contact,
        declarations = new { operatingAndFinancialConditionGood = true, incidents = Array.Empty<object>() },
        platform = new
        {
            @class = "sharedManufacturing", origin = "thirdParty", serviceMode = "sharedManufacturing", inOperationSince = "2019-06-01",
            sharedManufacturing = new { resourcePublication = "在线发布设备", orderMatching = "订单匹配", productionManagement = "按工序分解",
                paymentGuarantee = "支付担保", creditEvaluation = "信用评价" },
            achievements = "接入工厂 300 家",
        },
    };

    static readonly object OtherPlatformForm = new
    {
        contact = Contact,
        declarations = new { operatingAndFinancialConditionGood = true, incidents = Array.Empty<object>() },
        platform = new
        {
            @class = "other", origin = "spunOffManufacturer", serviceMode = "supplyChainManagement", inOperationSince = "2018-03-01",
            onlineServices = "供应链协同、集中采购", achievements = "服务企业 2000 家",
        },
    };

    public static object CityForm(string city, string @class) => new
    {
        contact = Contact,
        city = @class == "comprehensive"
            ? new { @class, cityName = city, demonstrationEnterprises = (int?)12, demonstrationPlatforms = (int?)3, demonstrationProjects = (int?)20,
                nationalIndustrialDesignCentres = (int?)null, measures = "服务型制造专项政策", evidence = "示范企业 12 家" }
            : new { @class, cityName = city, demonstrationEnterprises = (int?)null, demonstrationPlatforms = (int?)null,
                demonstrationProjects = (int?)null, nationalIndustrialDesignCentres = (int?)6, measures = "工业设计专项政策", evidence = "国家级工业设计中心 6 家" },
    };
}
