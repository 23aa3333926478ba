using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>An earlier-batch demonstration as the roster shows it.</summary>
public sealed record DemonstrationDetails(
    Guid Id, long Version, int Batch, ApplicationCategory Category, string Name, string? CreditCode,
    string AuthorityCode, DateTimeOffset EnrolledAt);

/// <summary>Keeps <see cref="DemonstrationDetails"/> in step with each demonstration's stream.</summary>
public sealed class DemonstrationDetailsProjection : SingleStreamProjection<DemonstrationDetails, Guid>
{
    public static DemonstrationDetails Create(IEvent<DemonstrationEnrolled> e) => new(
        e.Data.DemonstrationId, e.Version, e.Data.Batch, e.Data.Category, e.Data.Name, e.Data.CreditCode,
        e.Data.AuthorityCode, e.Data.EnrolledAt);
}
