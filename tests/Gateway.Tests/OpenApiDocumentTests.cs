using System.Text.Json.Nodes;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The gateway's own document (the audit timeline) holds the facts every service's document holds, and more.</summary>
public class OpenApiDocumentTests(TimelineGateway gateway)
    : OpenApiDocumentFacts(() => gateway.CreateClient().GetStringAsync("/openapi/gateway.json"), "gateway", typeof(Program).Assembly), IClassFixture<TimelineGateway>
{
    const string Timeline = "/api/v1/audit/timeline/{kind}/{key}";

    Task<string> Served() => gateway.CreateClient().GetStringAsync("/openapi/gateway.json");

    async Task<JsonObject> TimelineOperation() => JsonNode.Parse(await Served())!["paths"]![Timeline]!["get"]!.AsObject();

    [Fact]
    public async Task TheTimelineIsFilteredByServiceEventTypeActorAndTimeRangeEachParameterDescribed()
    {
        var parameters = (await TimelineOperation())["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!.AsObject());

        Assert.Equal(["kind", "key", "service", "eventType", "actor", "from", "to", "format"], parameters.Keys);
        Assert.All(parameters.Values, p => Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>()), p.ToJsonString()));
        Assert.Equal("date-time", parameters["from"]["schema"]!["format"]!.GetValue<string>());
        Assert.Equal(["json", "xlsx", "pdf"], parameters["format"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["applications", "authorities", "users"], parameters["kind"]["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task TheTimelineAnswersJsonAnXlsxWorkbookOrAPdfAndItsRefusalsAreProblems()
    {
        var responses = (await TimelineOperation())["responses"]!.AsObject();

        Assert.Equal(["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"],
            responses["200"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal("array", responses["200"]!["content"]!["application/json"]!["schema"]!["type"]!.GetValue<string>());
        foreach (var status in new[] { "400", "401", "403", "404", "422", "503" })
            Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"{status}: {responses[status]?.ToJsonString()}");
    }
}
