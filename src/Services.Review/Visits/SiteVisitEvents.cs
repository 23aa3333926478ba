using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>The ministry wants to see an enterprise or platform on site too (cities that passed expert review always get a visit).</summary>
public sealed record SiteVisitMarked(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName,
    string AuthorityCode, string MarkedBy, DateTimeOffset At);

/// <summary>A site visit (现场考查) got its date, place and team for the first time.</summary>
public sealed record SiteVisitScheduled(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName,
    string AuthorityCode, DateOnly Date, string Place, IReadOnlyList<string> Team, string ScheduledBy, DateTimeOffset At);

/// <summary>An officer moved a scheduled visit: another date, place or team.</summary>
public sealed record SiteVisitRescheduled(Guid ApplicationId, DateOnly Date, string Place, IReadOnlyList<string> Team,
    string RescheduledBy, DateTimeOffset At);

/// <summary>The visiting team filed its report: what it found and whether it recommends the applicant.</summary>
public sealed record VisitReportFiled(Guid ApplicationId, string Findings, VisitRecommendation Recommendation, string FiledBy, DateTimeOffset At);

/// <summary>An expert is on a visit that day (the expert's day stream: at most one visit a day).</summary>
public sealed record ExpertBookedForVisit(string ExpertId, DateOnly Date, Guid ApplicationId, DateTimeOffset At);

/// <summary>A visit moved away from the expert's day, or the expert left its team: the day is free again.</summary>
public sealed record ExpertReleasedFromVisit(string ExpertId, DateOnly Date, Guid ApplicationId, DateTimeOffset At);
