using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>A campaign as the deciders need it: its rules, its dates and the exceptions granted.</summary>
/// <param name="Id">批次编号 / The campaign's id.</param>
/// <param name="Year">年度 / The year.</param>
/// <param name="Batch">第几批 / The batch number (fifth batch: 5).</param>
/// <param name="Name">名称 / Its name.</param>
/// <param name="EligibilityWindowStart">遴选期起始日：此后发生的事故不能申报 / Start of the eligibility window: an incident on or after it refuses submission.</param>
/// <param name="PlatformMinimumOperatingYears">平台须运营的最少年数 / The years a platform must have operated.</param>
/// <param name="EnterpriseServiceRevenueShare">服务收入占营业收入的参考比例（0.3 即 30%） / The reference share of service revenue in operating revenue (0.3 = 30%); below it an application is flagged.</param>
/// <param name="Deadlines">截止日期（北京时间当日结束） / The deadlines (end of day, China Standard Time).</param>
/// <param name="Quotas">各类推荐单位的推荐名额 / The quotas per type of authority.</param>
/// <param name="TakesApplications">是否接受申报 / Whether it takes applications.</param>
/// <param name="Exceptions">为个别推荐单位延后的截止日期 / Deadlines moved for single authorities.</param>
public sealed record Campaign(
    Guid Id,
    int Year,
    int Batch,
    string Name,
    DateOnly EligibilityWindowStart,
    int PlatformMinimumOperatingYears,
    decimal EnterpriseServiceRevenueShare,
    CampaignDeadlines Deadlines,
    IReadOnlyList<QuotaRow> Quotas,
    bool TakesApplications,
    IReadOnlyList<DeadlineExceptionGranted> Exceptions)
{
    public static Campaign Create(CampaignOpened e) => new(e.CampaignId, e.Year, e.Batch, e.Name, e.EligibilityWindowStart,
        e.PlatformMinimumOperatingYears, e.EnterpriseServiceRevenueShare, e.Deadlines, e.Quotas, true, []);

    public Campaign Apply(CampaignClosed e) => this with { TakesApplications = false };

    public Campaign Apply(DeadlineExceptionGranted e) => this with { Exceptions = [.. Exceptions, e] };

    /// <summary>The last day <paramref name="authorityCode"/> may meet <paramref name="kind"/>: the campaign's, or the latest exception's.</summary>
    public DateOnly DeadlineFor(string authorityCode, DeadlineKind kind)
    {
        var standard = kind switch
        {
            DeadlineKind.Applications => Deadlines.Applications,
            DeadlineKind.Recommendations => Deadlines.Recommendations,
            DeadlineKind.ContactPersons => Deadlines.ContactPersons,
            DeadlineKind.EvaluationMaterial => Deadlines.EvaluationMaterial,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return AuthorityDeadline.For(standard, Exceptions.Where(x => x.AuthorityCode == authorityCode && x.Deadline == kind).Select(x => x.Until));
    }

    /// <summary>Whether <paramref name="at"/> is past <paramref name="authorityCode"/>'s <paramref name="kind"/> deadline.</summary>
    public bool IsPast(string authorityCode, DeadlineKind kind, DateTimeOffset at) =>
        at >= ChinaTime.EndOfDay(DeadlineFor(authorityCode, kind));
}
