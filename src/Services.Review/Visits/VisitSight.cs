using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>
/// Review's one access policy (<see cref="ApplicationSight"/>) extended to site visits and the selection: endpoints ask
/// here instead of testing roles and authorities themselves; what is not the user's is answered as not found.
/// </summary>
public static class VisitSight
{
    /// <summary>A site visit: the ministry and auditors, an officer of its authority, an expert of its team.</summary>
    public static bool MaySee(this ApplicationSight sight, SiteVisit visit) =>
        sight.User.ActsFor(visit.AuthorityCode) || (sight.User.Is(PlatformRoles.Expert) && visit.Team.Contains(sight.User.Subject));

    /// <summary>Only an expert of the visiting team files its report.</summary>
    public static bool MayFileReport(this ApplicationSight sight, SiteVisit visit) =>
        sight.User.Is(PlatformRoles.Expert) && visit.Team.Contains(sight.User.Subject);

    /// <summary>A candidate with its objections, which name the objectors and their telephones: the ministry and auditors only.</summary>
    public static bool MaySee(this ApplicationSight sight, Candidacy candidacy) => sight.User.SeesEverything;

    /// <summary>An application's visit and decision together: the ministry and auditors.</summary>
    public static bool MaySeeSelection(this ApplicationSight sight) => sight.Case is not null && sight.User.SeesEverything;

    /// <summary>The sight of a user over no particular application, for filtering lists.</summary>
    public static ApplicationSight Of(CurrentUser user) => new(user, null, null, null);
}
