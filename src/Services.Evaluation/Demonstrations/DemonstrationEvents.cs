using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>
/// A demonstration selected in one of batches 1-4 joined the roster that files evaluation material.
/// <see cref="CreditCode"/> is null for a city, which is known by its division code.
/// </summary>
public sealed record DemonstrationEnrolled(
    Guid DemonstrationId,
    int Batch,
    ApplicationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    DateTimeOffset EnrolledAt);
