using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// Registration in process on the real test servers, with a schema of its own per test class. The test applicants
/// (<see cref="TestUsers.Applicant"/>, <see cref="TestUsers.OtherApplicant"/>) are verified members of their
/// organisations, as Identity would have told Registration.
/// </summary>
public sealed class RegistrationApp() : ServiceFactory<Program>("registrationdb", "registration"), IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await this.VerifyMemberAsync(TestUsers.Applicant);
        await this.VerifyMemberAsync(TestUsers.OtherApplicant);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The key Review signs its document links with (the AppHost gives both services the same).</summary>
    public const string DocumentLinkKey = "test-document-link-key-2023";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("DocumentLinks:Key", DocumentLinkKey)];
}
