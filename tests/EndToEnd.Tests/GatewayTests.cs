using System.Net;

namespace ServiceManufacturing.Tests.EndToEnd;

[Collection(WholeSystemCollection.Name)]
public class GatewayTests(WholeSystem system)
{
    [Theory]
    [InlineData("http://localhost:5173", true)]     // the development front-end, on the allow-list
    [InlineData("https://evil.example", false)]
    public async Task OnlyAllowListedOriginsMayCallFromABrowser(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/applications");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,if-match");

        var response = await system.Gateway.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Single() == origin);
    }

    [Fact]
    public async Task AnOversizedJsonBodyIsRefusedAtTheGateway()
    {
        var applicant = await system.ClientAsync("applicant.shenzhen");
        using var content = new StringContent(new string(' ', 300 * 1024) + "{}", System.Text.Encoding.UTF8, "application/json");

        var response = await applicant.PostAsync("/api/v1/applications", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
