using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

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

    [Theory]
    [InlineData("registration")]
    [InlineData("review")]
    [InlineData("evaluation")]
    [InlineData("identity")]
    public async Task EveryDocumentedOperationIsRoutedByTheGateway(string service)
    {
        var document = await system.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        var unrouted = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var url = Regex.Replace(path.Name, @"\{[^}]+\}", Guid.CreateVersion7().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Name is "post" or "put") request.Content = JsonContent.Create(new { });
                var response = await system.Gateway.SendAsync(request);
                // Without a token the service answers 401 (or, if open, 4xx of its own); only the gateway says "not-found" here.
                if (response.StatusCode == HttpStatusCode.NotFound
                    && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString() == "not-found")
                    unrouted.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        Assert.Empty(unrouted);
    }

    [Fact]
    public async Task AnOversizedJsonBodyIsRefusedAtTheGateway()
    {
        var applicant = await system.ClientAsync("applicant.shenzhen");
        using var content = new StringContent(new string(' ', 300 * 1024) + "{}", System.Text.Encoding.UTF8, "application/json");

        // As a careful client does: ask before sending, so the refusal arrives before the body is sent (without it, the
        // gateway answers and closes while the body is still on its way, and the client may see only a reset connection).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = content };
        request.Headers.ExpectContinue = true;
        var response = await applicant.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
