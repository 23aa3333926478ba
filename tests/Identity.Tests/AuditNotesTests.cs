using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

public class AuditNotesTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public void EveryEventTypeTheStoreKnowsHasItsNoteInTheHistory() => app.AssertEveryEventTypeIsDescribed();
}
