using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public class OpenApiDocumentTests(RegistrationApp app) : OpenApiDocumentFacts<Program>(app, "registration"), IClassFixture<RegistrationApp>;
