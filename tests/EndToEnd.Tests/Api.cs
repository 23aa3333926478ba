using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>What the end-to-end tests do through the gateway, as a front-end would.</summary>
public static class Api
{
    public const string ShenzhenCreditCode = "914403001922038216";

    /// <summary>Creates a draft for the signed-in applicant's organisation and submits it; the application's id.</summary>
    public static async Task<Guid> CreateAndSubmitAsync(HttpClient applicant, string name, string authority = "440300",
        string creditCode = ShenzhenCreditCode, Action<HttpRequestMessage>? decorate = null)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
        {
            Content = JsonContent.Create(new { category = "enterprise", organisationName = name, creditCode, authorityCode = authority }),
        };
        decorate?.Invoke(create);
        var created = await SendAsync(applicant, create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var save = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form") { Content = JsonContent.Create(EnterpriseForm) };
        save.Headers.IfMatch.Add(created.Headers.ETag!);
        decorate?.Invoke(save);
        var saved = await SendAsync(applicant, save);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission");
        submit.Headers.IfMatch.Add(saved.Headers.ETag!);
        decorate?.Invoke(submit);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(applicant, submit)).StatusCode);
        return id;
    }

    /// <summary>
    /// Submits; while Registration has not yet heard that the applicant's binding was approved (the message is on its
    /// way), the refusal is organisation-not-verified and the submission is tried again, for up to 30 seconds.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient applicant, HttpRequestMessage submit)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(250))
        {
            var response = await SendAsync(applicant, submit);
            if (response.StatusCode != HttpStatusCode.Forbidden || DateTime.UtcNow > deadline) return response;
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (problem.GetProperty("code").GetString() != "organisation-not-verified") return response;
        }
    }

    /// <summary>A complete enterprise form (附件1), as a front-end sends it.</summary>
    public static readonly object EnterpriseForm = new
    {
        contact = new { name = "李明", title = "总经理助理", phone = "0755-88880000", email = "liming@example.cn" },
        declarations = new { operatingAndFinancialConditionGood = true, incidents = Array.Empty<object>() },
        enterprise = new
        {
            manufacturingIndustry = "通用设备制造业", serviceMode = "fullLifeCycleManagement",
            revenues = new[] { new { year = 2022, operatingRevenue = 100000, serviceRevenue = 40000 } },
            transformationMeasures = "战略规划、组织保障、技术创新", results = "服务收入三年增长 60%",
        },
    };

    /// <summary>Polls until the review case appears for <paramref name="officer"/>.</summary>
    public static async Task<JsonElement> WaitForReviewCaseAsync(HttpClient officer, Guid id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await SendAsync(officer, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/review-cases/{id}"));
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No review case for {id} after {timeout}.");
            await Task.Delay(500);
        }
    }

    /// <summary>GET, waiting out the rate limit.</summary>
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string uri) => SendAsync(client, new HttpRequestMessage(HttpMethod.Get, uri));

    /// <summary>GET a JSON body that must be there, waiting out the rate limit.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string uri)
    {
        var response = await GetAsync(client, uri);
        Assert.True(response.IsSuccessStatusCode, $"GET {uri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POST a JSON body, waiting out the rate limit.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string uri, object? body) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Post, uri) { Content = body is null ? null : JsonContent.Create(body) });

    /// <summary>PUT <paramref name="content"/>, waiting out the rate limit.</summary>
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string uri, HttpContent content) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Put, uri) { Content = content });

    /// <summary>
    /// Sends, waiting out the gateway's rate limit (429) as a well-behaved client does (Retry-After), and, unless
    /// <paramref name="retryUnavailable"/> is false, a part of the system that is briefly away (503 with Retry-After: a
    /// pooled connection that found the database restarted answers once so), a few times.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, bool retryUnavailable = true)
    {
        for (var unavailable = 0; ; )
        {
            var response = await client.SendAsync(await CloneAsync(request));
            var again = response.StatusCode == HttpStatusCode.TooManyRequests
                || (retryUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable
                    && response.Headers.RetryAfter is not null && ++unavailable <= 3);
            if (!again) return response;
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (request.Content is not null)
        {
            clone.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync());
            foreach (var header in request.Content.Headers) clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return clone;
    }
}
