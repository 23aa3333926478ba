using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>The drafts the application tests make and count.</summary>
public partial class ApplicationsApiTests
{
    /// <summary>Drafts ever created in this class's store (other events, e.g. the roster's, come and go with other tests).</summary>
    async Task<int> DraftCountAsync()
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<ApplicationDraftCreated>().CountAsync();
    }

    async Task<ApplicationDetails> CompleteDraftAsync()
    {
        var draft = (await (await CreateDraftAsync()).Content.ReadFromJsonAsync<ApplicationDetails>(Json))!;
        Assert.Equal(HttpStatusCode.OK, (await SaveFormAsync(draft.Id, "\"1\"", Forms.Enterprise())).StatusCode);
        return draft;
    }

    Task<HttpResponseMessage> SaveFormAsync(Guid id, string ifMatch, ApplicationForm form)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form") { Content = JsonContent.Create(form, options: Json) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    Task<HttpResponseMessage> CreateDraftAsync() =>
        client.PostAsync("/api/v1/applications", new StringContent(Body(), Encoding.UTF8, "application/json"));

    Task<HttpResponseMessage> SubmitAsync(Guid id, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission");
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    static string Body(string category = "\"enterprise\"", string name = "深圳某某智能制造有限公司",
        string creditCode = "914403001922038216", string authority = "440300") =>
        $$"""{"category":{{category}},"organisationName":"{{name}}","creditCode":"{{creditCode}}","authorityCode":"{{authority}}"}""";
}
