using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Review in process on the real test servers, with a schema and queues of its own per test class.</summary>
public sealed class ReviewApp() : ServiceFactory<Program>("reviewdb", "review")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("DocumentLinks:Key", "test-document-link-key-2023")];
}
