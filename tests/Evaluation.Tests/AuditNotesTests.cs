using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

public class AuditNotesTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public void EveryEventTypeTheStoreKnowsHasItsNoteInTheHistory() => app.AssertEveryEventTypeIsDescribed();

    [Fact]
    public Task MartensSessionsWorkAsTheServicesOwnRole() => app.AssertTheStoreWorksAsTheServicesRoleAsync();
}
