using System.Net;
using Microsoft.AspNetCore.Hosting;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>A service that is down or restarting: the gateway says so in a problem that tells the client to try again.</summary>
public class ServiceUnavailableTests(GatewayApp gateway) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task ARequestForAServiceThatDoesNotAnswerGets503WithRetryAfterAndAProblem()
    {
        // Registration "runs" on a port where nothing listens.
        using var down = gateway.WithWebHostBuilder(builder => builder.UseSetting("services:registration:http:0", "http://127.0.0.1:9"));
        var client = down.CreateClient();

        var response = await client.GetAsync("/api/v1/campaigns/current");

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }
}
