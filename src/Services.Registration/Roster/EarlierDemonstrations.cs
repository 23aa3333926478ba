using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Roster;

/// <summary>
/// Evaluation told us of a demonstration (Registration's own copy of the roster): its enrolment, or a correction of it.
/// <see cref="Sequence"/> is the place of Evaluation's event in its history (0 when unknown).
/// </summary>
public sealed record EarlierDemonstrationRecorded(
    Guid DemonstrationId, int Batch, DemonstrationCategory Category, string Name, string? CreditCode, string AuthorityCode, DateTimeOffset At,
    long Sequence = 0);

/// <summary>The ministry revoked the demonstration's title: it no longer counts as a demonstration (a city may apply again).</summary>
public sealed record EarlierDemonstrationTitleRevoked(Guid DemonstrationId, string Reasons, DateTimeOffset At);

/// <summary>The ministry withdrew the roster entry as made in error: it is no demonstration at all.</summary>
public sealed record EarlierDemonstrationWithdrawn(Guid DemonstrationId, string Reason, DateTimeOffset At, long Sequence = 0);

/// <summary>An earlier demonstration, as eligibility checks look it up.</summary>
public sealed record EarlierDemonstration(
    Guid Id, int Batch, DemonstrationCategory Category, string Name, string NormalisedName, string? CreditCode, string AuthorityCode,
    bool TitleRevoked = false, string? RevokedReasons = null, bool Withdrawn = false)
{
    /// <summary>"青岛市", "青岛" and " 青岛市 " name one city.</summary>
    public static string Normalise(string name) => name.Replace(" ", "").Replace("　", "").TrimEnd('市');

    /// <summary>Whether <paramref name="cityName"/> already is a demonstration city (one whose title was revoked, or withdrawn as entered in error, is not).</summary>
    public static Task<bool> IsDemonstrationCityAsync(IQuerySession session, string? cityName, CancellationToken ct) =>
        cityName is null
            ? Task.FromResult(false)
            : session.Query<EarlierDemonstration>()
                .AnyAsync(d => d.Category == DemonstrationCategory.City && d.NormalisedName == Normalise(cityName) && !d.TitleRevoked && !d.Withdrawn, ct);
}

public sealed class EarlierDemonstrationProjection : SingleStreamProjection<EarlierDemonstration, Guid>
{
    public static EarlierDemonstration Create(IEvent<EarlierDemonstrationRecorded> e) => new(e.Data.DemonstrationId,
        e.Data.Batch, e.Data.Category, e.Data.Name, EarlierDemonstration.Normalise(e.Data.Name), e.Data.CreditCode, e.Data.AuthorityCode);

    public EarlierDemonstration Apply(EarlierDemonstrationRecorded e, EarlierDemonstration d) => d with
    {
        Batch = e.Batch, Category = e.Category, Name = e.Name, NormalisedName = EarlierDemonstration.Normalise(e.Name),
        CreditCode = e.CreditCode, AuthorityCode = e.AuthorityCode,
    };

    public EarlierDemonstration Apply(EarlierDemonstrationTitleRevoked e, EarlierDemonstration d) => d with { TitleRevoked = true, RevokedReasons = e.Reasons };

    public EarlierDemonstration Apply(EarlierDemonstrationWithdrawn e, EarlierDemonstration d) => d with { Withdrawn = true };
}

/// <summary>What the roster's stream needs to know: the demonstration as last recorded, and whether its title was revoked.</summary>
public sealed record RosterEntry(Guid Id, EarlierDemonstrationRecorded Recorded, bool TitleRevoked, bool Withdrawn = false)
{
    public static RosterEntry Create(EarlierDemonstrationRecorded e) => new(e.DemonstrationId, e, false);

    public RosterEntry Apply(EarlierDemonstrationRecorded e) => this with { Recorded = e };

    public RosterEntry Apply(EarlierDemonstrationTitleRevoked e) => this with { TitleRevoked = true };

    public RosterEntry Apply(EarlierDemonstrationWithdrawn e) => this with { Withdrawn = true };
}

/// <summary>What Evaluation's roster messages mean for Registration's copy, in whichever order they arrive.</summary>
public static class RosterCopyDecider
{
    /// <summary>An enrolment records the demonstration; a later one that differs (a correction) records it again; a repeat or an overtaken one, nothing.</summary>
    public static object[] Enrolled(DemonstrationEnrolled m, long sequence, RosterEntry? state, DateTimeOffset now)
    {
        var recorded = new EarlierDemonstrationRecorded(m.DemonstrationId, m.Batch, m.Category, m.Name, m.CreditCode, m.AuthorityCode, now, sequence);
        if (state is null) return [recorded];
        // A withdrawal is final (Evaluation refuses the entry again): an enrolment arriving after it, older or not, changes nothing.
        if (state.Withdrawn) return [];
        if (sequence > 0 && sequence <= state.Recorded.Sequence) return [];
        return state.Recorded with { At = now, Sequence = sequence } == recorded ? [] : [recorded];
    }

    /// <summary>A revoked title takes the demonstration off the roster (recorded first when its enrolment has not arrived yet).</summary>
    public static object[] Evaluated(DemonstrationEvaluated m, RosterEntry? state, DateTimeOffset now) =>
        m.Outcome != EvaluationOutcome.TitleRevoked || state?.TitleRevoked == true ? []
        : state is null
            ? [new EarlierDemonstrationRecorded(m.DemonstrationId, m.Batch, m.Category, m.Name, m.CreditCode, m.AuthorityCode, now),
                new EarlierDemonstrationTitleRevoked(m.DemonstrationId, m.Reasons, now)]
            : [new EarlierDemonstrationTitleRevoked(m.DemonstrationId, m.Reasons, now)];

    /// <summary>
    /// A withdrawal takes the entry off the copy for good; arriving before the enrolment it records the entry (at the
    /// withdrawal's sequence, so the older enrolment is overtaken) and withdraws it at once.
    /// </summary>
    public static object[] Withdrawn(DemonstrationWithdrawn m, long sequence, RosterEntry? state, DateTimeOffset now) =>
        state?.Withdrawn == true ? []
        : state is null
            ? [new EarlierDemonstrationRecorded(m.DemonstrationId, m.Batch, m.Category, m.Name, m.CreditCode, m.AuthorityCode, now, sequence),
                new EarlierDemonstrationWithdrawn(m.DemonstrationId, m.Reason, now, sequence)]
            : [new EarlierDemonstrationWithdrawn(m.DemonstrationId, m.Reason, now, sequence)];
}

/// <summary>Keeps Registration's roster in step with Evaluation's (each message once: the consumers' rule).</summary>
public sealed class DemonstrationEnrolledConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<DemonstrationEnrolled>, IConsumer<DemonstrationEvaluated>, IConsumer<DemonstrationWithdrawn>
{
    public Task Consume(ConsumeContext<DemonstrationEnrolled> context) => session.ApplyOnceAsync<RosterEntry>(context,
        context.Message.DemonstrationId, state => RosterCopyDecider.Enrolled(context.Message, context.EventSequence(), state, clock.GetUtcNow()));

    public Task Consume(ConsumeContext<DemonstrationEvaluated> context) => session.ApplyOnceAsync<RosterEntry>(context,
        context.Message.DemonstrationId, state => RosterCopyDecider.Evaluated(context.Message, state, clock.GetUtcNow()));

    public Task Consume(ConsumeContext<DemonstrationWithdrawn> context) => session.ApplyOnceAsync<RosterEntry>(context,
        context.Message.DemonstrationId, state => RosterCopyDecider.Withdrawn(context.Message, context.EventSequence(), state, clock.GetUtcNow()));
}
