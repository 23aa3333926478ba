using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.ServiceDefaults.Http;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>Reads the public API as a front-end would: its JSON conventions, its problem details.</summary>
public static class ApiJson
{
    /// <summary>The API's JSON conventions (camelCase, enums by name).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Asserts <paramref name="response"/> is a problem with <paramref name="status"/> and the rule <paramref name="code"/>.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Asserts <paramref name="response"/> is a 400 validation problem naming <paramref name="field"/>.</summary>
    public static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, System.Net.HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem names {problem.GetProperty("errors")}, not {field}.");
    }

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ProblemResponses.Configure(options);
        return options;
    }
}
