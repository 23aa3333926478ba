using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>What a visit decision knows of the application: what it is and whether it passed expert review.</summary>
public sealed record VisitSubject(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName, string AuthorityCode,
    bool PassedExpertReview);

/// <summary>An expert of the pool as a visit needs them: active, the days they are available, and whether they are conflicted with the application.</summary>
public sealed record VisitExpert(string Id, bool Active, IReadOnlyList<DateOnly> AvailableDates, bool Conflicted);

public sealed record MarkForVisit(VisitSubject Subject, string By);

/// <summary>Schedule (or move) the visit: <see cref="Experts"/> holds what is known of each expert named in <see cref="Team"/>.</summary>
public sealed record ScheduleVisit(VisitSubject Subject, DateOnly Date, string? Place, IReadOnlyList<string> Team,
    IReadOnlyDictionary<string, VisitExpert> Experts, string By);

public sealed record FileVisitReport(Guid ApplicationId, string? Findings, VisitRecommendation? Recommendation, string By);

public static class SiteVisitRules
{
    /// <summary>The fewest experts on a visiting team.</summary>
    public const int MinimumTeam = 2;

    /// <summary>The longest place, findings and team a visit takes (the API refuses longer with 400, naming the field).</summary>
    public const int MaxPlace = 200, MaxFindings = 5000, MaxTeam = 20;

    public static readonly Rule NotFound = Rule.NotFound("site-visit-not-found", "该申报没有现场考查安排。", "This application has no site visit.");
    public static readonly Rule NotPassedExpertReview = Rule.Unprocessable("visit-needs-passed-expert-review",
        "只有通过专家评审的申报才安排现场考查。", "Only an application that passed expert review is visited.");
    public static readonly Rule NotDue = Rule.Unprocessable("visit-not-due",
        "企业、平台须经部里标记后方安排现场考查。", "An enterprise or platform is visited only once the ministry marks it.");
    public static readonly Rule CitiesAlwaysVisited = Rule.Unprocessable("cities-always-visited",
        "通过专家评审的城市均安排现场考查，无需标记。", "Every city that passed expert review is visited; cities are not marked.");
    public static readonly Rule ReportFiled = Rule.Conflict("visit-report-already-filed",
        "考查报告已提交，考查安排不能再改。", "The visit report is filed: the visit no longer changes.");
    public static readonly Rule PlaceRequired = Rule.Unprocessable("visit-place-required", "请填写考查地点。", "A visit needs its place.");
    public static readonly Rule TeamTooSmall = Rule.Unprocessable("visit-team-too-small",
        "考查组至少须有两名专家。", "A visiting team needs at least two experts.");
    public static readonly Rule ExpertUnknown = Rule.Unprocessable("expert-not-in-pool",
        "考查组中有专家不在专家库中或已停用。", "An expert of the team is not in the expert pool, or is inactive.");
    public static readonly Rule ExpertConflicted = Rule.Unprocessable("expert-conflicted",
        "考查组中有专家与该申报存在利益冲突。", "An expert of the team has a conflict of interest with this application.");
    public static readonly Rule ExpertUnavailable = Rule.Unprocessable("expert-unavailable",
        "考查组中有专家当天不可参加。", "An expert of the team is not available on that day.");
    public static readonly Rule ExpertBooked = Rule.Unprocessable("expert-already-on-a-visit",
        "考查组中有专家当天已参加另一项现场考查。", "An expert of the team is on another visit that day.");
    public static readonly Rule NotScheduled = Rule.Conflict("visit-not-scheduled",
        "现场考查尚未安排，不能提交报告。", "The visit is not scheduled yet: there is no report to file.");
    public static readonly Rule DayPast = Rule.Unprocessable("visit-day-past",
        "考查日期已过（按北京时间），不能安排在过去的日期。", "The visit's day has passed (China Standard Time): a visit is not scheduled in the past.");
    public static readonly Rule ReportBeforeVisit = Rule.Unprocessable("visit-report-before-visit",
        "考查尚未进行，考查当天起方可提交报告（按北京时间）。", "The visit has not taken place: its report is filed from the visit's day on (China Standard Time).");
    public static readonly Rule ReportIncomplete = Rule.Unprocessable("visit-report-incomplete",
        "考查报告须写明考查情况和考查意见（推荐或不推荐）。", "A visit report needs its findings and a recommendation (recommend or do not recommend).");
}

/// <summary>
/// Decides site visits (现场考查). A visit touches the visit's stream and each expert's day stream (one visit per expert
/// per day): the write holds them all to the versions it read, so two officers booking one expert on one day leave one booking.
/// </summary>
public static class SiteVisitDecider
{
    public static object[] Decide(MarkForVisit c, SiteVisit? visit, DateTimeOffset now)
    {
        var s = c.Subject;
        if (s.Category == ApplicationCategory.City) throw new RuleViolation(SiteVisitRules.CitiesAlwaysVisited);
        if (!s.PassedExpertReview) throw new RuleViolation(SiteVisitRules.NotPassedExpertReview);
        return visit is { Marked: true } ? [] : [new SiteVisitMarked(s.ApplicationId, s.CampaignId, s.Category, s.OrganisationName, s.AuthorityCode, c.By, now)];
    }

    /// <summary>The expert-day streams a schedule touches: the new day of each new member, the old day of each old member.</summary>
    public static IReadOnlyList<Guid> DaysTouched(ScheduleVisit c, SiteVisit? visit) =>
        c.Team.Distinct().Select(e => ExpertDay.IdFor(e, c.Date))
            .Concat(visit is { Date: { } old } ? visit.Team.Select(e => ExpertDay.IdFor(e, old)) : [])
            .Distinct().ToList();

    public static IReadOnlyDictionary<Guid, object[]> Decide(ScheduleVisit c, SiteVisit? visit, Func<Guid, ExpertDay?> day, DateTimeOffset now)
    {
        var s = c.Subject;
        if (!s.PassedExpertReview) throw new RuleViolation(SiteVisitRules.NotPassedExpertReview);
        if (!SiteVisit.Required(s.Category, visit)) throw new RuleViolation(SiteVisitRules.NotDue);
        if (visit?.Report is not null) throw new RuleViolation(SiteVisitRules.ReportFiled);
        if (c.Date < ChinaTime.DayOf(now)) throw new RuleViolation(SiteVisitRules.DayPast, $"date: {c.Date:yyyy-MM-dd}");
        if (string.IsNullOrWhiteSpace(c.Place)) throw new RuleViolation(SiteVisitRules.PlaceRequired);
        var team = c.Team.Distinct().ToList();
        if (team.Count < SiteVisitRules.MinimumTeam) throw new RuleViolation(SiteVisitRules.TeamTooSmall);
        foreach (var id in team)
        {
            if (!c.Experts.TryGetValue(id, out var expert) || !expert.Active) throw new RuleViolation(SiteVisitRules.ExpertUnknown, id);
            if (expert.Conflicted) throw new RuleViolation(SiteVisitRules.ExpertConflicted, id);
            if (!expert.AvailableDates.Contains(c.Date)) throw new RuleViolation(SiteVisitRules.ExpertUnavailable, id);
            if (day(ExpertDay.IdFor(id, c.Date))?.VisitApplicationId is { } other && other != s.ApplicationId)
                throw new RuleViolation(SiteVisitRules.ExpertBooked, id);
        }

        var events = new Dictionary<Guid, List<object>>();
        void Add(Guid stream, object e) => (events.TryGetValue(stream, out var list) ? list : events[stream] = []).Add(e);
        if (visit is { Date: { } oldDate })
            foreach (var id in visit.Team.Where(id => oldDate != c.Date || !team.Contains(id)))
                Add(ExpertDay.IdFor(id, oldDate), new ExpertReleasedFromVisit(id, oldDate, s.ApplicationId, now));
        foreach (var id in team.Where(id => day(ExpertDay.IdFor(id, c.Date))?.VisitApplicationId != s.ApplicationId))
            Add(ExpertDay.IdFor(id, c.Date), new ExpertBookedForVisit(id, c.Date, s.ApplicationId, now));
        Add(SiteVisit.IdFor(s.ApplicationId), visit is { Scheduled: true }
            ? new SiteVisitRescheduled(s.ApplicationId, c.Date, c.Place.Trim(), team, c.By, now)
            : new SiteVisitScheduled(s.ApplicationId, s.CampaignId, s.Category, s.OrganisationName, s.AuthorityCode, c.Date, c.Place.Trim(), team, c.By, now));
        return events.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    public static object[] Decide(FileVisitReport c, SiteVisit? visit, DateTimeOffset now)
    {
        if (visit is null) throw new RuleViolation(SiteVisitRules.NotFound);
        if (!visit.Scheduled) throw new RuleViolation(SiteVisitRules.NotScheduled);
        if (visit.Report is not null) throw new RuleViolation(SiteVisitRules.ReportFiled);
        if (ChinaTime.DayOf(now) < visit.Date) throw new RuleViolation(SiteVisitRules.ReportBeforeVisit, $"date: {visit.Date:yyyy-MM-dd}");
        if (string.IsNullOrWhiteSpace(c.Findings) || c.Recommendation is null) throw new RuleViolation(SiteVisitRules.ReportIncomplete);
        return [new VisitReportFiled(c.ApplicationId, c.Findings.Trim(), c.Recommendation.Value, c.By, now)];
    }
}
