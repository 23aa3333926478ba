using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Evaluation.Campaigns;

/// <summary>Registration opened a campaign; Evaluation keeps what it needs: its batch and the evaluation material's deadline.</summary>
public sealed record CampaignNoted(Guid CampaignId, int Year, int Batch, string Name, DateOnly EvaluationMaterialDeadline, DateTimeOffset At);

/// <summary>The ministry moved an authority's evaluation material deadline (heard before or after the campaign itself).</summary>
public sealed record EvaluationDeadlineExtended(Guid CampaignId, string AuthorityCode, DateOnly Until, string Reason, DateTimeOffset At);

public static class EvaluationCampaignRules
{
    /// <summary>Registration's campaign message has not arrived yet (they are eventually consistent).</summary>
    public static readonly Rule Unknown = Rule.Conflict("campaign-not-yet-known",
        "本服务尚未收到该批次信息，请稍后重试。", "This campaign has not reached Evaluation yet; try again in a moment.") with { RetryAfterSeconds = 2 };
}

/// <summary>
/// A campaign as Evaluation's deciders need it. <see cref="Noted"/> is false while only an exception has arrived (each
/// message has its own queue); such a campaign is not yet known to the API.
/// </summary>
/// <param name="Id">批次编号 / The campaign.</param>
/// <param name="Noted">是否已收到批次信息 / Whether the campaign itself has arrived.</param>
/// <param name="Year">年度 / The year.</param>
/// <param name="Batch">第几批 / The batch.</param>
/// <param name="Name">名称 / Its name.</param>
/// <param name="Deadline">评估材料截止日（北京时间当日结束） / The evaluation material's deadline (end of day, China Standard Time).</param>
/// <param name="Extensions">为个别推荐单位延后的截止日期 / Deadlines moved for single authorities.</param>
public sealed record EvaluationCampaign(Guid Id, bool Noted, int Year, int Batch, string Name, DateOnly Deadline,
    IReadOnlyDictionary<string, DateOnly> Extensions)
{
    public static EvaluationCampaign Create(CampaignNoted e) =>
        new(e.CampaignId, true, e.Year, e.Batch, e.Name, e.EvaluationMaterialDeadline, new Dictionary<string, DateOnly>());

    public static EvaluationCampaign Create(EvaluationDeadlineExtended e) =>
        new EvaluationCampaign(e.CampaignId, false, 0, 0, "", DateOnly.MinValue, new Dictionary<string, DateOnly>()).Apply(e);

    public EvaluationCampaign Apply(CampaignNoted e) =>
        this with { Noted = true, Year = e.Year, Batch = e.Batch, Name = e.Name, Deadline = e.EvaluationMaterialDeadline };

    public EvaluationCampaign Apply(EvaluationDeadlineExtended e) =>
        this with { Extensions = new Dictionary<string, DateOnly>(Extensions) { [e.AuthorityCode] = e.Until } };

    /// <summary>The last day <paramref name="authorityCode"/> may file: the campaign's, or the later one the ministry granted it.</summary>
    public DateOnly DeadlineFor(string authorityCode) => AuthorityDeadline.For(Deadline, Extensions, authorityCode);

    /// <summary>Whether <paramref name="at"/> is past the authority's evaluation deadline (the one calendar: <see cref="ChinaTime"/>).</summary>
    public bool IsPast(string authorityCode, DateTimeOffset at) => ChinaTime.IsPast(DeadlineFor(authorityCode), at);
}

/// <summary>What Registration's campaign messages mean, in whichever order they arrive (each once: the consumers' rule).</summary>
public static class EvaluationCampaignDecider
{
    public static object[] Note(CampaignOpened m, EvaluationCampaign? state, DateTimeOffset now) => state is { Noted: true } ? []
        : [new CampaignNoted(m.CampaignId, m.Year, m.Batch, m.Name, m.Deadlines.EvaluationMaterial, now)];

    /// <summary>Only an evaluation-material exception counts here, and only one that moves the date later than known.</summary>
    public static object[] Extend(DeadlineExceptionGranted m, EvaluationCampaign? state, DateTimeOffset now) =>
        m.Deadline != DeadlineKind.EvaluationMaterial
        || state?.Extensions.TryGetValue(m.AuthorityCode, out var known) == true && known >= m.Until ? []
        : [new EvaluationDeadlineExtended(m.CampaignId, m.AuthorityCode, m.Until, m.Reason, now)];
}

/// <summary>Campaigns and their evaluation deadline exceptions arrive from Registration, in any order.</summary>
public sealed class CampaignConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CampaignOpened>, IConsumer<DeadlineExceptionGranted>
{
    public Task Consume(ConsumeContext<CampaignOpened> context) => session.ApplyOnceAsync<EvaluationCampaign>(context,
        context.Message.CampaignId, state => EvaluationCampaignDecider.Note(context.Message, state, clock.GetUtcNow()));

    public Task Consume(ConsumeContext<DeadlineExceptionGranted> context) => context.Message.Deadline != DeadlineKind.EvaluationMaterial
        ? Task.CompletedTask
        : session.ApplyOnceAsync<EvaluationCampaign>(context, context.Message.CampaignId,
            state => EvaluationCampaignDecider.Extend(context.Message, state, clock.GetUtcNow()));
}
