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
    public bool RecommendationsClosed(string authorityCode, DateTimeOffset at)
    {
        var day = Extensions.TryGetValue(authorityCode, out var until) && until > RecommendationDeadline ? until : RecommendationDeadline;
        return at >= new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
    }
}

/// <summary>Campaigns arrive from Registration; each message changes the campaign once.</summary>
public sealed class CampaignConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CampaignOpened>, IConsumer<DeadlineExceptionGranted>
{
    public async Task Consume(ConsumeContext<CampaignOpened> context)
    {
        var m = context.Message;
        session.ContinueFrom(context);
        await session.DecideAsync<ReviewCampaign>(m.CampaignId, null, state => state is not null ? []
            : [new CampaignNoted(m.CampaignId, m.Year, m.Batch, m.Name, m.Deadlines.Recommendations, m.Quotas, clock.GetUtcNow())],
            context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<DeadlineExceptionGranted> context)
    {
        var m = context.Message;
        if (m.Deadline != DeadlineKind.Recommendations) return;
        session.ContinueFrom(context);
        await session.DecideAsync<ReviewCampaign>(m.CampaignId, null, state =>
            state is null ? throw new InvalidOperationException($"Campaign {m.CampaignId} is not known yet; the message is retried.")
            : state.Extensions.TryGetValue(m.AuthorityCode, out var until) && until >= m.Until ? []
            : [new RecommendationDeadlineExtended(m.CampaignId, m.AuthorityCode, m.Until, m.Reason, clock.GetUtcNow())],
            context.CancellationToken);
    }
}
