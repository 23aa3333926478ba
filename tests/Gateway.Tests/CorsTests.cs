namespace ServiceManufacturing.Tests.Gateway;

/// <summary>A browser front-end on an allowed origin (Cors:AllowedOrigins) may read the headers the API's answers carry.</summary>
public class CorsTests(TimelineGateway gateway) : IClassFixture<TimelineGateway>
{
    [Fact]
    public async Task ARequestFromAnAllowedOriginMayReadTraceparentETagContentDispositionAndRetryAfter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/gateway.json");
        request.Headers.Add("Origin", "http://localhost:5173");

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal("http://localhost:5173", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',')).Select(h => h.Trim()).ToList();
        foreach (var header in new[] { "traceparent", "ETag", "Content-Disposition", "Retry-After" })
            Assert.Contains(header, exposed, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARequestFromAnotherOriginIsNotAllowedToReadTheAnswer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/gateway.json");
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
