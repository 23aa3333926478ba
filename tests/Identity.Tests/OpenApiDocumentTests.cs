using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

public class OpenApiDocumentTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public Task TheOpenApiDocumentPassesRedoclyLint() => OpenApiLint.AssertCleanAsync(app, "identity");
}
