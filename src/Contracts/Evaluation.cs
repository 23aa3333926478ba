namespace ServiceManufacturing.Contracts;

/// <summary>
/// A demonstration of batches 1-4 is on the roster of earlier demonstrations (Registration refuses a city that
/// already is one). <see cref="CreditCode"/> is null for a city.
/// </summary>
public sealed record DemonstrationEnrolled(
    Guid DemonstrationId,
    int Batch,
    ApplicationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    DateTimeOffset EnrolledAt);
