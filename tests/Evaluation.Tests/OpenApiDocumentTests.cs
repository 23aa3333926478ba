using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

public class OpenApiDocumentTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public Task TheOpenApiDocumentPassesRedoclyLint() => OpenApiLint.AssertCleanAsync(app, "evaluation");
}
