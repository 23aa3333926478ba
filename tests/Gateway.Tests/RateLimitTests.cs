using System.Net;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The deadline surge at the gateway: limits per client address and per signed-in user.</summary>
public class RateLimitTests(GatewayApp gateway) : IClassFixture<GatewayApp>
{
    // A path no route takes: the gateway answers it itself (404), after its limiter.
    const string Path = "/api/v1/not-routed";

    [Fact]
    public async Task EachAddressHasItsOwnLimitAndTheNextRequestGets429WithRetryAfter()
    {
        var client = gateway.CreateClient();
        for (var i = 0; i < GatewayApp.PerAddress; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ThroughProxyAsync(client, "203.0.113.7")).StatusCode);

        var refused = await ThroughProxyAsync(client, "203.0.113.7");

        var problem = await ApiJson.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.Contains("请求过于频繁", problem.GetProperty("titleZh").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Another address is not held back by it, and health is never limited.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ThroughProxyAsync(client, "203.0.113.8")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ThroughProxyAsync(client, "203.0.113.7", "/alive")).StatusCode);
    }

    [Fact]
    public async Task ASignedInUserHasOneLimitAcrossItsAddresses()
    {
        var client = gateway.CreateClient().As(TestUsers.Applicant with { Subject = "surge-user" });
        for (var i = 0; i < GatewayApp.PerUser; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ThroughProxyAsync(client, $"198.51.100.{i + 1}")).StatusCode);

        await ApiJson.AssertProblemAsync(await ThroughProxyAsync(client, "198.51.100.9"), HttpStatusCode.TooManyRequests, "too-many-requests");
        // Another user from the same address still gets through.
        var other = gateway.CreateClient().As(TestUsers.OtherApplicant);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ThroughProxyAsync(other, "198.51.100.9")).StatusCode);
    }

    [Fact]
    public async Task ARotatingXForwardedForFromAnUntrustedPeerDoesNotEscapeItsLimit()
    {
        var client = gateway.CreateClient();
        for (var i = 0; i < GatewayApp.PerAddress; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(client, "203.0.113.60", $"10.1.0.{i + 1}")).StatusCode);

        await ApiJson.AssertProblemAsync(await SendAsync(client, "203.0.113.60", "10.1.0.99"), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task LoopbackIsNotTrustedUnlessConfigured()
    {
        // Behind an unconfigured local proxy every client shares loopback's bucket; none picks its own by header.
        var client = gateway.CreateClient();
        for (var i = 0; i < GatewayApp.PerAddress; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(client, "::1", $"10.2.0.{i + 1}")).StatusCode);

        await ApiJson.AssertProblemAsync(await SendAsync(client, "::1", "10.2.0.99"), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    /// <summary>A request from the configured proxy, forwarding for <paramref name="client"/>.</summary>
    static Task<HttpResponseMessage> ThroughProxyAsync(HttpClient client, string address, string path = Path) =>
        SendAsync(client, GatewayApp.TrustedProxy, address, path);

    static Task<HttpResponseMessage> SendAsync(HttpClient client, string peer, string forwardedFor, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(GatewayApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
