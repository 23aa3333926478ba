using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class AuditNotesTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public void EveryEventTypeTheStoreKnowsHasItsNoteInTheHistory() => app.AssertEveryEventTypeIsDescribed();
}
