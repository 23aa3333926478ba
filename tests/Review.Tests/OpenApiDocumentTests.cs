using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class OpenApiDocumentTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public Task TheOpenApiDocumentPassesRedoclyLint() => OpenApiLint.AssertCleanAsync(app, "review");
}
