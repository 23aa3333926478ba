using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;

namespace ServiceManufacturing.Services.Evaluation.Progress;

/// <summary>Where a demonstration stands with its filing.</summary>
public enum ProgressStatus { Filed, Draft, NotStarted, Explained, Overdue }

/// <summary>One demonstration on its authority's list.</summary>
/// <param name="DemonstrationId">示范 / The demonstration.</param>
/// <param name="Batch">第几批 / The batch.</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Name">名称 / The name.</param>
/// <param name="CreditCode">统一社会信用代码 / The credit code.</param>
/// <param name="Status">已报送、草稿、未开始、已说明或逾期 / Filed, draft, not started, explained or overdue.</param>
/// <param name="Owed">截止日期前仍待报送 / Still owed before the deadline.</param>
/// <param name="AwaitingIntake">已报送、待部里受理或退回 / Filed and awaiting the ministry's intake (acknowledgement or return).</param>
public sealed record DemonstrationProgress(Guid DemonstrationId, int Batch, DemonstrationCategory Category, string Name, string? CreditCode,
    ProgressStatus Status, bool Owed, bool AwaitingIntake = false);

/// <summary>One authority's demonstrations and how far their filings are.</summary>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="NameZh">推荐单位名称 / Its name.</param>
/// <param name="Deadline">该推荐单位的截止日期（含例外） / Its deadline, with any exception.</param>
/// <param name="Filed">已报送 / Filed.</param>
/// <param name="Draft">草稿 / Drafts.</param>
/// <param name="NotStarted">未开始 / Not started.</param>
/// <param name="Explained">已说明无法报送 / Explained.</param>
/// <param name="Overdue">逾期 / Overdue.</param>
/// <param name="Owed">截止日期前仍待报送 / Still owed before the deadline.</param>
/// <param name="Demonstrations">各示范 / Its demonstrations.</param>
/// <param name="AwaitingIntake">已报送待受理（已报送中尚未受理或退回的） / Filed and awaiting intake (of those filed, not yet acknowledged or returned).</param>
/// <param name="Acknowledged">已受理 / Acknowledged by the ministry.</param>
public sealed record AuthorityProgress(string AuthorityCode, string NameZh, DateOnly Deadline, int Filed, int Draft, int NotStarted,
    int Explained, int Overdue, int Owed, IReadOnlyList<DemonstrationProgress> Demonstrations, int AwaitingIntake = 0, int Acknowledged = 0);

public static class AuthorityProgressApi
{
    /// <summary>Where one demonstration stands: a filing submitted or acknowledged is filed, a returned one is a draft again.</summary>
    public static ProgressStatus StatusOf(EvaluationFiling? filing, bool deadlinePassed) => filing?.Status switch
    {
        FilingStatus.Submitted or FilingStatus.Acknowledged => ProgressStatus.Filed,
        FilingStatus.Explained => ProgressStatus.Explained,
        _ when deadlinePassed => ProgressStatus.Overdue,
        FilingStatus.Draft or FilingStatus.Returned => ProgressStatus.Draft,
        _ => ProgressStatus.NotStarted,
    };

    public static RouteGroupBuilder MapAuthorityProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Evaluation filings");
        api.MapGet("/progress", Get).WithName("GetEvaluationProgress").WithLag(EvaluationCampaignRules.Unknown, EvaluationLag.CampaignArrives)
            .WithSummary("各推荐单位的示范报送情况 / Per authority: its demonstrations filed, draft, not started, explained or overdue")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .WithDescription("awaitingIntake=true：仅列出已报送、待部里受理或退回的示范（部里的待办），没有待办的推荐单位不列出。 / " +
                "awaitingIntake=true: only the demonstrations whose filing awaits the ministry's intake (its worklist); authorities with none are left out.")
            .Produces<IReadOnlyList<AuthorityProgress>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>
    /// An officer sees its own authority; the ministry and auditors every authority, or the one named. With
    /// <paramref name="awaitingIntake"/>, only the filings awaiting intake: the ministry's worklist across authorities.
    /// </summary>
    static async Task<IResult> Get(IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct,
        Guid? campaignId = null, string? authorityCode = null, bool awaitingIntake = false)
    {
        if (campaignId is not { } id) return FilingsApi.CampaignRequired();
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        if (await session.LoadAsync<EvaluationCampaign>(id, ct) is not { Noted: true } campaign) return Problems.Of(EvaluationCampaignRules.Unknown);
        await access.ReadAsync(true, DemonstrationRules.NotFound);
        var query = session.Query<DemonstrationDetails>().Where(d => d.Batch < campaign.Batch && d.WithdrawnAt == null);
        if (authorityCode is not null) query = query.Where(d => d.AuthorityCode == authorityCode);
        var demonstrations = (await query.ToListAsync(ct)).Where(d => d.Outcome != EvaluationOutcome.TitleRevoked).ToList();
        var filings = (await session.Query<EvaluationFiling>().Where(f => f.CampaignId == id).ToListAsync(ct)).ToDictionary(f => f.DemonstrationId);
        var now = clock.GetUtcNow();
        var authorities = demonstrations.GroupBy(d => d.AuthorityCode).OrderBy(g => g.Key).Select(g =>
        {
            var past = campaign.IsPast(g.Key, now);
            var list = g.OrderBy(d => d.Batch).ThenBy(d => d.Name).Select(d =>
            {
                var filing = filings.GetValueOrDefault(d.Id);
                var status = StatusOf(filing, past);
                return new DemonstrationProgress(d.Id, d.Batch, d.Category, d.Name, d.CreditCode, status,
                    status is ProgressStatus.Draft or ProgressStatus.NotStarted, filing?.Status == FilingStatus.Submitted);
            }).ToList();
            var acknowledged = list.Count(p => filings.GetValueOrDefault(p.DemonstrationId)?.Status == FilingStatus.Acknowledged);
            if (awaitingIntake) list = list.Where(p => p.AwaitingIntake).ToList();
            return new AuthorityProgress(g.Key, Authorities.Find(g.Key)?.NameZh ?? g.Key, campaign.DeadlineFor(g.Key),
                list.Count(p => p.Status == ProgressStatus.Filed), list.Count(p => p.Status == ProgressStatus.Draft),
                list.Count(p => p.Status == ProgressStatus.NotStarted), list.Count(p => p.Status == ProgressStatus.Explained),
                list.Count(p => p.Status == ProgressStatus.Overdue), list.Count(p => p.Owed), list, list.Count(p => p.AwaitingIntake),
                acknowledged);
        });
        return TypedResults.Ok(authorities.Where(a => !awaitingIntake || a.AwaitingIntake > 0).ToList());
    }
}
