using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Roster;

/// <summary>Evaluation told us of a demonstration of batches 1-4 (Registration's own copy of the roster).</summary>
public sealed record EarlierDemonstrationRecorded(
    Guid DemonstrationId, int Batch, ApplicationCategory Category, string Name, string? CreditCode, string AuthorityCode, DateTimeOffset At);

/// <summary>An earlier demonstration, as eligibility checks look it up.</summary>
public sealed record EarlierDemonstration(
    Guid Id, int Batch, ApplicationCategory Category, string Name, string NormalisedName, string? CreditCode, string AuthorityCode)
{
    /// <summary>"青岛市", "青岛" and " 青岛市 " name one city.</summary>
    public static string Normalise(string name) => name.Replace(" ", "").Replace("　", "").TrimEnd('市');

    /// <summary>Whether <paramref name="cityName"/> already is a demonstration city.</summary>
    public static Task<bool> IsDemonstrationCityAsync(IQuerySession session, string? cityName, CancellationToken ct) =>
        cityName is null
            ? Task.FromResult(false)
            : session.Query<EarlierDemonstration>()
                .AnyAsync(d => d.Category == ApplicationCategory.City && d.NormalisedName == Normalise(cityName), ct);
}

public sealed class EarlierDemonstrationProjection : SingleStreamProjection<EarlierDemonstration, Guid>
{
    public static EarlierDemonstration Create(IEvent<EarlierDemonstrationRecorded> e) => new(e.Data.DemonstrationId,
        e.Data.Batch, e.Data.Category, e.Data.Name, EarlierDemonstration.Normalise(e.Data.Name), e.Data.CreditCode, e.Data.AuthorityCode);
}

/// <summary>What the roster's stream needs to know: whether the demonstration is recorded already.</summary>
public sealed record RosterEntry(Guid Id)
{
    public static RosterEntry Create(EarlierDemonstrationRecorded e) => new(e.DemonstrationId);
}

/// <summary>Keeps Registration's roster in step with Evaluation's (each message once: the consumers' rule).</summary>
public sealed class DemonstrationEnrolledConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<DemonstrationEnrolled>
{
    public Task Consume(ConsumeContext<DemonstrationEnrolled> context)
    {
        var m = context.Message;
        // Enrolment is one fact about a demonstration: a second enrolment message (another event) records nothing more.
        return session.ApplyOnceAsync<RosterEntry>(context, m.DemonstrationId, state => state is not null ? [] :
            [new EarlierDemonstrationRecorded(m.DemonstrationId, m.Batch, m.Category, m.Name, m.CreditCode, m.AuthorityCode, clock.GetUtcNow())]);
    }
}
