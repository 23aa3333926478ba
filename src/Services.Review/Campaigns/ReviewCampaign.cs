using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Campaigns;

/// <summary>Registration opened a campaign; Review keeps what it needs of it: quotas and the recommendation deadline.</summary>
public sealed record CampaignNoted(Guid CampaignId, int Year, int Batch, string Name, DateOnly RecommendationDeadline,
    IReadOnlyList<QuotaRow> Quotas, DateTimeOffset At);

/// <summary>The ministry moved an authority's recommendation deadline.</summary>
public sealed record RecommendationDeadlineExtended(Guid CampaignId, string AuthorityCode, DateOnly Until, string Reason, DateTimeOffset At);

public static class ReviewCampaignRules
{
    /// <summary>Registration's campaign message has not arrived yet (they are eventually consistent).</summary>
    public static readonly ServiceManufacturing.ServiceDefaults.Http.Rule Unknown = ServiceManufacturing.ServiceDefaults.Http.Rule.Conflict(
        "campaign-not-yet-known", "本服务尚未收到该批次信息，请稍后重试。", "This campaign has not reached Review yet; try again in a moment.")
        with { RetryAfterSeconds = 2 };
}

/// <summary>A campaign as Review's deciders need it.</summary>
public sealed record ReviewCampaign(
    Guid Id, int Year, int Batch, string Name, DateOnly RecommendationDeadline, IReadOnlyList<QuotaRow> Quotas,
    IReadOnlyDictionary<string, DateOnly> Extensions)
{
    public static ReviewCampaign Create(CampaignNoted e) =>
        new(e.CampaignId, e.Year, e.Batch, e.Name, e.RecommendationDeadline, e.Quotas, new Dictionary<string, DateOnly>());

    public ReviewCampaign Apply(RecommendationDeadlineExtended e) =>
        this with { Extensions = new Dictionary<string, DateOnly>(Extensions) { [e.AuthorityCode] = e.Until } };

    /// <summary>The quota row of <paramref name="authorityCode"/>'s type.</summary>
    public QuotaRow QuotaFor(string authorityCode) =>
        Quotas.Single(q => q.AuthorityType == (Authorities.Find(authorityCode) ?? throw new ArgumentException(authorityCode)).Type);

    /// <summary>Whether <paramref name="at"/> is past the authority's recommendation deadline (end of day, UTC+8).</summary>
    public bool RecommendationsClosed(string authorityCode, DateTimeOffset at) =>
        AuthorityDeadline.IsPast(RecommendationDeadline, Extensions, authorityCode, at);

    /// <summary>The campaign's public notice (公示), once the ministry has published it.</summary>
    public Selection.PublicNotice? Notice { get; init; }

    public ReviewCampaign Apply(Selection.PublicNoticePublished e) => this with { Notice = new(e.Starts, e.Ends, e.ApplicationIds, e.At) };

    /// <summary>Whether <paramref name="at"/> lies in the notice period: from the start of its first day to the end of its last (UTC+8).</summary>
    public bool NoticeOpen(DateTimeOffset at) => Notice is { } n && at >= ChinaTime.EndOfDay(n.Starts.AddDays(-1)) && !ChinaTime.IsPast(n.Ends, at);

    /// <summary>Whether the notice period is over at <paramref name="at"/> (after the end of its last day, UTC+8).</summary>
    public bool NoticeOver(DateTimeOffset at) => Notice is { } n && ChinaTime.IsPast(n.Ends, at);
}

/// <summary>
/// The ministry's extension overtook the campaign's own message (each has its own queue): kept on the campaign's stream
/// (where <see cref="ReviewCampaign"/> does not see it) until the campaign is noted.
/// </summary>
public sealed record DeadlineExtensionHeardBeforeCampaign(Guid CampaignId, string AuthorityCode, DateOnly Until, string Reason, DateTimeOffset At);

/// <summary>What Registration's campaign messages have told Review so far: the state the consumer decides on.</summary>
public sealed record CampaignIntake(Guid Id, bool Noted, IReadOnlyDictionary<string, RecommendationDeadlineExtended> Extensions)
{
    static readonly IReadOnlyDictionary<string, RecommendationDeadlineExtended> None = new Dictionary<string, RecommendationDeadlineExtended>();

    public static CampaignIntake Create(CampaignNoted e) => new(e.CampaignId, true, None);

    public static CampaignIntake Create(DeadlineExtensionHeardBeforeCampaign e) => new CampaignIntake(e.CampaignId, false, None).Apply(e);

    public CampaignIntake Apply(CampaignNoted e) => this with { Noted = true };

    public CampaignIntake Apply(DeadlineExtensionHeardBeforeCampaign e) =>
        Extend(new RecommendationDeadlineExtended(e.CampaignId, e.AuthorityCode, e.Until, e.Reason, e.At));

    public CampaignIntake Apply(RecommendationDeadlineExtended e) => Extend(e);

    /// <summary>The latest deadline granted to each authority (the ministry only ever extends).</summary>
    CampaignIntake Extend(RecommendationDeadlineExtended e) =>
        Extensions.TryGetValue(e.AuthorityCode, out var known) && known.Until >= e.Until ? this
        : this with { Extensions = new Dictionary<string, RecommendationDeadlineExtended>(Extensions) { [e.AuthorityCode] = e } };
}

/// <summary>What Registration's campaign messages mean, in whichever order they arrive (each once: the consumers' rule).</summary>
public static class CampaignIntakeDecider
{
    public static object[] Note(CampaignOpened m, CampaignIntake? state, DateTimeOffset now) => state is { Noted: true } ? []
        : [new CampaignNoted(m.CampaignId, m.Year, m.Batch, m.Name, m.Deadlines.Recommendations, m.Quotas, now),
            .. (state?.Extensions.Values ?? [])];

    public static object[] Extend(DeadlineExceptionGranted m, CampaignIntake? state, DateTimeOffset now) =>
        state?.Extensions.TryGetValue(m.AuthorityCode, out var known) == true && known.Until >= m.Until ? []
        : state is not { Noted: true } ? [new DeadlineExtensionHeardBeforeCampaign(m.CampaignId, m.AuthorityCode, m.Until, m.Reason, now)]
        : [new RecommendationDeadlineExtended(m.CampaignId, m.AuthorityCode, m.Until, m.Reason, now)];
}

/// <summary>Campaigns arrive from Registration: a campaign and its recommendation-deadline extensions, in any order.</summary>
public sealed class CampaignConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CampaignOpened>, IConsumer<DeadlineExceptionGranted>
{
    public Task Consume(ConsumeContext<CampaignOpened> context) => session.ApplyOnceAsync<CampaignIntake>(context,
        context.Message.CampaignId, state => CampaignIntakeDecider.Note(context.Message, state, clock.GetUtcNow()));

    public Task Consume(ConsumeContext<DeadlineExceptionGranted> context) => context.Message.Deadline != DeadlineKind.Recommendations
        ? Task.CompletedTask
        : session.ApplyOnceAsync<CampaignIntake>(context, context.Message.CampaignId,
            state => CampaignIntakeDecider.Extend(context.Message, state, clock.GetUtcNow()));
}
