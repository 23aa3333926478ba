using Marten;
using Marten.Events.Projections;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// Review's copy of an expert's profile (from Identity's <see cref="ExpertProfileChanged"/>), for conflict checks,
/// assignments and site visits. Its id is the expert's account (the token's sub).
/// </summary>
/// <param name="Id">专家账号（令牌的 sub） / The expert's account (the token's sub).</param>
/// <param name="Name">专家姓名 / The expert's name.</param>
/// <param name="Organisation">工作单位 / The organisation the expert works for.</param>
/// <param name="CreditCode">工作单位的统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">专家所在省级地区 / The expert's province-level authority code.</param>
/// <param name="ServiceModes">擅长的服务型制造模式 / The service modes the expert judges.</param>
/// <param name="CityClasses">擅长的平台或城市类别 / The platform and city classes the expert judges.</param>
/// <param name="AvailableDates">可用日期 / The days the expert is available.</param>
/// <param name="Active">是否可被分配 / Whether the expert may be assigned.</param>
/// <param name="Sequence">身份服务中该变更的序号（新者为准） / The change's place in Identity's history (the newer wins).</param>
public sealed record ExpertProfile(
    string Id,
    string Name,
    string Organisation,
    string CreditCode,
    string AuthorityCode,
    IReadOnlyList<string> ServiceModes,
    IReadOnlyList<string> CityClasses,
    IReadOnlyList<DateOnly> AvailableDates,
    bool Active,
    long Sequence)
{
    /// <summary>Whether the expert judges applications of this kind: an enterprise by its service mode, a platform or city by its class.</summary>
    public bool Judges(ApplicationCategory category, string? serviceMode, string? @class) => category == ApplicationCategory.Enterprise
        ? serviceMode is not null && ServiceModes.Contains(serviceMode)
        : @class is not null && CityClasses.Contains(@class);
}

/// <summary>Identity said how an expert's profile stands (the whole profile, with the sequence of Identity's event).</summary>
public sealed record ExpertProfileNoted(
    string ExpertSubject, string Name, string Organisation, string CreditCode, string AuthorityCode, IReadOnlyList<string> ServiceModes,
    IReadOnlyList<string> CityClasses, IReadOnlyList<DateOnly> AvailableDates, bool Active, long Sequence, DateTimeOffset At);

/// <summary>What the consumer decides on: the sequence of the newest profile noted.</summary>
public sealed record ExpertProfileIntake(Guid Id, long Sequence)
{
    /// <summary>The stream of the copy of the expert <paramref name="subject"/>'s profile.</summary>
    public static Guid IdFor(string subject) => StreamIds.For("expert-profile", subject);

    public static ExpertProfileIntake Create(ExpertProfileNoted e) => new(IdFor(e.ExpertSubject), e.Sequence);

    public ExpertProfileIntake Apply(ExpertProfileNoted e) => this with { Sequence = e.Sequence };
}

/// <summary>Keeps only a profile newer than the newest one known: a duplicate or an overtaken message changes nothing.</summary>
public static class ExpertProfileDecider
{
    public static object[] Decide(ExpertProfileChanged m, ExpertProfileIntake? state, DateTimeOffset now) =>
        state is not null && m.Sequence <= state.Sequence ? []
        : [new ExpertProfileNoted(m.ExpertSubject, m.Name, m.Organisation, m.CreditCode, m.AuthorityCode, m.ServiceModes, m.CityClasses,
            m.AvailableDates, m.Active, m.Sequence, now)];
}

/// <summary>Keeps <see cref="ExpertProfile"/> (keyed by the expert's subject) in step with the copies' streams.</summary>
public sealed class ExpertProfileProjection : MultiStreamProjection<ExpertProfile, string>
{
    public ExpertProfileProjection() => Identity<ExpertProfileNoted>(e => e.ExpertSubject);

    public static ExpertProfile Create(ExpertProfileNoted e) => new(e.ExpertSubject, e.Name, e.Organisation, e.CreditCode, e.AuthorityCode,
        e.ServiceModes, e.CityClasses, e.AvailableDates, e.Active, e.Sequence);

    public static ExpertProfile Apply(ExpertProfileNoted e, ExpertProfile _) => Create(e);
}

/// <summary>
/// Identity's expert profiles become Review's copy: idempotent and right in any arrival order (the one rule: each message
/// once per stream; and only a newer sequence than the one kept counts).
/// </summary>
public sealed class ExpertProfileConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ExpertProfileChanged>
{
    public Task Consume(ConsumeContext<ExpertProfileChanged> context) =>
        session.ApplyOnceAsync<ExpertProfileIntake>(context, ExpertProfileIntake.IdFor(context.Message.ExpertSubject),
            state => ExpertProfileDecider.Decide(context.Message, state, clock.GetUtcNow()));
}
