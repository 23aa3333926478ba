using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public class OpenApiDocumentTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public Task TheOpenApiDocumentPassesRedoclyLint() => OpenApiLint.AssertCleanAsync(app, "registration");
}
