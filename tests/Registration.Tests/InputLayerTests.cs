using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>What every service's input layer refuses (ServiceDefaults), shown on Registration's endpoints.</summary>
public class InputLayerTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static string Draft(string category = "\"enterprise\"", string organisationName = "\"深圳某某智能制造有限公司\"") =>
        $$"""{"category":{{category}},"organisationName":{{organisationName}},"creditCode":"{{TestUsers.ShenzhenCreditCode}}","authorityCode":"440300"}""";

    async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, string code, string field, long eventsBefore)
    {
        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem does not name {field}: {problem}");
        Assert.Equal(eventsBefore, await app.EventCountAsync());
        return problem;
    }

    [Theory]
    [InlineData("\"深圳\\u0000公司\"")]
    [InlineData("\"\\u0001\"")]
    [InlineData("\"\\u007f\"")]
    [InlineData("\"\\u0085\"")]
    [InlineData("\"\\ud800\"")]
    public async Task AControlCharacterInAJsonStringIsRefusedNamingTheField(string organisationName)
    {
        var before = await app.EventCountAsync();

        var response = await app.ClientFor(TestUsers.Applicant).PostAsync("/api/v1/applications", Json(Draft(organisationName: organisationName)));

        await AssertRefusedAsync(response, "validation", "organisationName", before);
    }

    [Fact]
    public async Task ANulDeepInAFormIsRefusedNamingItsPath()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var before = await app.EventCountAsync();

        var response = await app.ClientFor(TestUsers.Applicant).PutAsync($"/api/v1/applications/{id}/form",
            Json("""{"declarations":{"incidents":[{"kind":"illegalAct","date":"2022-01-01","description":"x"},{"description":"a\u0000b"}]}}"""));

        await AssertRefusedAsync(response, "validation", "declarations.incidents[1].description", before);
    }

    [Fact]
    public async Task TabsAndLineBreaksInTextAreKept()
    {
        var response = await app.ClientFor(TestUsers.Applicant).PostAsync("/api/v1/applications",
            Json(Draft(organisationName: "\"深圳某某\\t智能制造\\r\\n有限公司\"")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("status=draft%00")]
    [InlineData("category=%01enterprise")]
    [InlineData("campaignId=%00")]
    public async Task AControlCharacterInAQueryValueIsRefusedNamingTheParameter(string query)
    {
        var response = await app.ClientFor(TestUsers.Applicant).GetAsync($"/api/v1/applications?{query}");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(query[..query.IndexOf('=')], out _), problem.ToString());
    }

    [Fact]
    public async Task AControlCharacterInARouteValueIsRefusedBeforeSignIn()
    {
        var response = await app.RawClient().GetAsync("/api/v1/authorities/44%010300/contact-person");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("path", out _));
    }

    [Theory]
    [InlineData("\"ENTERPRISE\"")]
    [InlineData("\"Enterprise\"")]
    [InlineData("\"enterprise \"")]
    [InlineData("\" enterprise\"")]
    [InlineData("0")]
    public async Task AnEnumIsTakenOnlyByItsExactName(string category)
    {
        var before = await app.EventCountAsync();

        var response = await app.ClientFor(TestUsers.Applicant).PostAsync("/api/v1/applications", Json(Draft(category: category)));

        await AssertRefusedAsync(response, "invalid-json", "category", before);
    }

    [Theory]
    [InlineData("status=DRAFT", "status")]
    [InlineData("status=draft%20", "status")]
    [InlineData("status=%20draft", "status")]
    [InlineData("category=Enterprise", "category")]
    [InlineData("status=0", "status")]
    public async Task AQueryFilterTakesOnlyTheExactName(string query, string parameter)
    {
        var response = await app.ClientFor(TestUsers.Applicant).GetAsync($"/api/v1/applications?{query}");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task AKeyGivenTwiceIsRefused()
    {
        var before = await app.EventCountAsync();

        var response = await app.ClientFor(TestUsers.Applicant).PostAsync("/api/v1/applications",
            Json(Draft(category: "\"city\",\"category\":\"enterprise\"")));

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Theory]
    [InlineData("page=10737420&pageSize=200", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=99999999999", "page")]
    [InlineData("page=abc", "page")]
    public async Task PagesAreBoundedAndABadOneIsNamed(string query, string parameter)
    {
        var response = await app.ClientFor(TestUsers.Ministry).GetAsync($"/api/v1/applications?{query}");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task ARefusalIsAProblemWhateverTheClientAccepts(string accept)
    {
        var anonymous = app.RawClient();
        var signedIn = app.RawClient(TestUsers.Applicant);
        anonymous.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        signedIn.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var unauthorized = await anonymous.GetAsync("/api/v1/applications");
        var notFound = await signedIn.GetAsync("/api/v1/no-such-resource");

        await ApiJson.AssertProblemAsync(unauthorized, HttpStatusCode.Unauthorized, "sign-in-required");
        await ApiJson.AssertProblemAsync(notFound, HttpStatusCode.NotFound, "not-found");
    }
}
