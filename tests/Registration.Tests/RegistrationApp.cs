using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Registration in process on the real test servers, with a schema of its own per test class.</summary>
public sealed class RegistrationApp() : ServiceFactory<Program>("registrationdb", "registration");
