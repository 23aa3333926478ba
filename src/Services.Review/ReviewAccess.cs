using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Services.Review;

/// <summary>
/// Review's one answer to "may this user see (or act on) this": endpoints ask here instead of testing roles and
/// authorities themselves. What is not the user's is answered as not found (AccessGuard records the refusal).
/// </summary>
public static class ReviewAccess
{
    /// <summary>A site visit: the ministry and auditors, an expert of its team, an officer of its authority.</summary>
    public static bool MaySee(CurrentUser user, SiteVisit visit) =>
        user.ActsFor(visit.AuthorityCode) || (user.Is(PlatformRoles.Expert) && visit.Team.Contains(user.Subject));

    /// <summary>Only an expert of the visiting team files its report.</summary>
    public static bool MayFileReport(CurrentUser user, SiteVisit visit) => user.Is(PlatformRoles.Expert) && visit.Team.Contains(user.Subject);

    /// <summary>A candidate with its objections, which name the objectors and their telephones: the ministry and auditors only.</summary>
    public static bool MaySee(CurrentUser user, Candidacy candidacy) => user.SeesEverything;
}
