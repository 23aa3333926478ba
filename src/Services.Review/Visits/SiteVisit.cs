using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>The visiting team's recommendation.</summary>
public enum VisitRecommendation { Recommend, DoNotRecommend }

/// <summary>现场考查报告 / A visit report.</summary>
/// <param name="Findings">考查情况 / What the team found.</param>
/// <param name="Recommendation">考查意见：推荐或不推荐 / Whether it recommends the applicant.</param>
/// <param name="FiledBy">提交人（考查组专家） / Who filed it (an expert of the team).</param>
/// <param name="FiledAt">提交时间 / When.</param>
public sealed record VisitReport(string Findings, VisitRecommendation Recommendation, string FiledBy, DateTimeOffset FiledAt);

/// <summary>
/// One application's site visit (现场考查); stream id <see cref="IdFor"/> of the application. A city's is due once it
/// passed expert review; an enterprise's or platform's once the ministry marks it.
/// </summary>
/// <param name="Id">考查编号 / The visit's id.</param>
/// <param name="ApplicationId">申报编号 / The application visited.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="OrganisationName">申报单位（城市）名称 / The organisation or city.</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="Marked">部里标记需考查（企业、平台） / Marked by the ministry (an enterprise or platform).</param>
/// <param name="Date">考查日期（未安排为 null） / The day of the visit (null until scheduled).</param>
/// <param name="Place">考查地点 / Where.</param>
/// <param name="Team">考查组专家（账号） / The experts of the team (their accounts).</param>
/// <param name="Report">考查报告（未提交为 null） / The team's report (null until filed).</param>
public sealed record SiteVisit(Guid Id, Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName,
    string AuthorityCode, bool Marked, DateOnly? Date, string? Place, IReadOnlyList<string> Team, VisitReport? Report)
{
    /// <summary>The stream's version (Marten keeps it), sent as the ETag.</summary>
    public long Version { get; set; }

    public static Guid IdFor(Guid applicationId) => StreamIds.For("site-visit", applicationId.ToString());

    public static SiteVisit Create(SiteVisitMarked e) =>
        new(IdFor(e.ApplicationId), e.ApplicationId, e.CampaignId, e.Category, e.OrganisationName, e.AuthorityCode, true, null, null, [], null);

    public static SiteVisit Create(SiteVisitScheduled e) =>
        new(IdFor(e.ApplicationId), e.ApplicationId, e.CampaignId, e.Category, e.OrganisationName, e.AuthorityCode, false, e.Date, e.Place, e.Team, null);

    public SiteVisit Apply(SiteVisitScheduled e) => this with { Date = e.Date, Place = e.Place, Team = e.Team };

    public SiteVisit Apply(SiteVisitRescheduled e) => this with { Date = e.Date, Place = e.Place, Team = e.Team };

    public SiteVisit Apply(VisitReportFiled e) => this with { Report = new(e.Findings, e.Recommendation, e.FiledBy, e.At) };

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Scheduled => Date is not null;

    /// <summary>Whether an application needs a filed visit report before it is listed and selected: every city, and those marked.</summary>
    public static bool Required(ApplicationCategory category, SiteVisit? visit) => category == ApplicationCategory.City || visit is { Marked: true };
}

/// <summary>One expert's one day: the visit the expert is on, if any (stream id <see cref="IdFor"/>).</summary>
public sealed record ExpertDay(Guid Id, string ExpertId, DateOnly Date, Guid? VisitApplicationId)
{
    public static Guid IdFor(string expertId, DateOnly date) => StreamIds.For("expert-day", expertId, date.ToString("yyyy-MM-dd"));

    public static ExpertDay Create(ExpertBookedForVisit e) => new(IdFor(e.ExpertId, e.Date), e.ExpertId, e.Date, e.ApplicationId);

    public ExpertDay Apply(ExpertBookedForVisit e) => this with { VisitApplicationId = e.ApplicationId };

    public ExpertDay Apply(ExpertReleasedFromVisit e) => e.ApplicationId == VisitApplicationId ? this with { VisitApplicationId = null } : this;
}
