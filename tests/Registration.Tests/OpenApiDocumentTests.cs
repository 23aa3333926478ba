using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public class OpenApiDocumentTests(RegistrationApp app) : OpenApiDocumentFacts<Program>(app, "registration"), IClassFixture<RegistrationApp>;

public class TraceHeaderTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task EveryAnswerCarriesItsTraceparentAndTheOperationsRouteTemplate()
    {
        var response = await app.ClientFor(TestUsers.Applicant).GetAsync($"/api/v1/applications/{Guid.NewGuid()}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", Assert.Single(response.Headers.GetValues("traceparent")));
        Assert.Equal("/api/v1/applications/{applicationId}", Assert.Single(response.Headers.GetValues(Microsoft.Extensions.Hosting.TraceHeaders.RouteHeader)));
    }
}
