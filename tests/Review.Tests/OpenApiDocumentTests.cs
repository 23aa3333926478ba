using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class OpenApiDocumentTests(ReviewApp app) : OpenApiDocumentFacts<Program>(app, "review"), IClassFixture<ReviewApp>;
