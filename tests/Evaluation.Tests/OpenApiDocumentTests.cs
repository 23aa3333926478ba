using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

public class OpenApiDocumentTests(EvaluationApp app) : OpenApiDocumentFacts<Program>(app, "evaluation"), IClassFixture<EvaluationApp>;
