using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>
/// What the auditors' history says of each site-visit event: the visit (one stream per application) and the experts' days
/// (one stream per expert and day, each event naming its application and expert).
/// </summary>
static class VisitHistory
{
    public static EventHistory DescribeVisits(this EventHistory history) => history
        .Describe<SiteVisitMarked>(e => new($"{e.MarkedBy} 确定对 {e.OrganisationName}（{e.AuthorityCode} 推荐）进行现场考查",
            $"{e.MarkedBy} marked {e.OrganisationName} (recommended by {e.AuthorityCode}) for a site visit")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<SiteVisitScheduled>(e => new(
            $"{e.ScheduledBy} 安排对 {e.OrganisationName} 的现场考查：{e.Date:yyyy-MM-dd}，{e.Place}，考查组 {string.Join("、", e.Team)}",
            $"{e.ScheduledBy} scheduled the site visit to {e.OrganisationName}: {e.Date:yyyy-MM-dd} at {e.Place}, team {string.Join(", ", e.Team)}")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<SiteVisitRescheduled>(e => new(
            $"{e.RescheduledBy} 调整现场考查：{e.Date:yyyy-MM-dd}，{e.Place}，考查组 {string.Join("、", e.Team)}",
            $"{e.RescheduledBy} rescheduled the site visit: {e.Date:yyyy-MM-dd} at {e.Place}, team {string.Join(", ", e.Team)}")
            { Applications = [e.ApplicationId] })
        .Describe<VisitReportFiled>(e => new(
            $"{e.FiledBy} 提交现场考查报告，考查意见：{(e.Recommendation == VisitRecommendation.Recommend ? "推荐" : "不推荐")}；考查情况：{e.Findings}",
            $"{e.FiledBy} filed the site-visit report, {(e.Recommendation == VisitRecommendation.Recommend ? "recommending" : "not recommending")} the applicant; findings: {e.Findings}")
            { Applications = [e.ApplicationId] })
        .Describe<ExpertBookedForVisit>(e => new($"专家 {e.ExpertId} {e.Date:yyyy-MM-dd} 参加现场考查", $"Expert {e.ExpertId} booked for a site visit on {e.Date:yyyy-MM-dd}")
            { Applications = [e.ApplicationId], Account = e.ExpertId })
        .Describe<ExpertReleasedFromVisit>(e => new($"专家 {e.ExpertId} {e.Date:yyyy-MM-dd} 不再参加该现场考查", $"Expert {e.ExpertId} released from the site visit on {e.Date:yyyy-MM-dd}")
            { Applications = [e.ApplicationId], Account = e.ExpertId });
}
