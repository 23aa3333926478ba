using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>A campaign as the deciders need it: its rules, its dates and the exceptions granted.</summary>
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
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return Exceptions.Where(x => x.AuthorityCode == authorityCode && x.Deadline == kind)
            .Select(x => x.Until).Append(standard).Max();
    }

    /// <summary>Whether <paramref name="at"/> is past <paramref name="authorityCode"/>'s <paramref name="kind"/> deadline.</summary>
    public bool IsPast(string authorityCode, DeadlineKind kind, DateTimeOffset at) =>
        at >= ChinaTime.EndOfDay(DeadlineFor(authorityCode, kind));
}
