using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The API reference a ministry platform serves: no third-party service advertised, sign-in ready.</summary>
public class ApiReferenceTests(GatewayApp gateway) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task TheApiReferenceOffersNoDeployShareSdkOrAiPanelsAndOpensOnTheAuthorizationCodeFlow()
    {
        var response = await gateway.CreateClient().GetAsync("/api-reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        // The developer toolbar holds "Share", "Deploy" and SDK generation; the agent is "Ask AI".
        Assert.Contains("\"showDeveloperTools\":\"never\"", page);
        Assert.Matches("\"agent\":\\{[^}]*\"disabled\":true", page);
        Assert.Matches("\"mcp\":\\{[^}]*\"disabled\":true", page);
        Assert.Contains("\"telemetry\":false", page);
        Assert.Contains("\"preferredSecurityScheme\":[\"oidc\"]", page);
        Assert.Matches("\"oidc\":\\{\"flows\":\\{\"authorizationCode\":\\{[^}]*\"x-usePkce\":\"SHA-256\"", page);
    }

    [Fact]
    public async Task TheServedOidcSchemeOffersTheAuthorizationCodeFlowFirst()
    {
        var document = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/gateway.json");

        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oidc").GetProperty("flows");
        Assert.Equal("authorizationCode", flows.EnumerateObject().First().Name);
        Assert.Equal(["authorizationCode"], flows.EnumerateObject().Select(f => f.Name));
    }
}
