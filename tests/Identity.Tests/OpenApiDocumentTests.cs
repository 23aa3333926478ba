using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

public class OpenApiDocumentTests(IdentityApp app) : OpenApiDocumentFacts<Program>(app, "identity"), IClassFixture<IdentityApp>;
