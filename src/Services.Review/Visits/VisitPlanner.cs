using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>A visit still to place: the application, where the team goes, and the experts conflicted with it.</summary>
public sealed record VisitToPlace(Guid ApplicationId, string OrganisationName, string AuthorityCode, string Place, IReadOnlySet<string> Conflicted);

/// <summary>建议的考查安排 / A proposed visit.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="Date">考查日期 / The day.</param>
/// <param name="Place">考查地点 / Where.</param>
/// <param name="Team">考查组专家 / The team.</param>
public sealed record PlannedVisit(Guid ApplicationId, DateOnly Date, string Place, IReadOnlyList<string> Team);

/// <summary>未能安排的考查 / A visit that could not be placed.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="OrganisationName">申报单位（城市）名称 / The organisation or city.</param>
/// <param name="Reason">原因 / Why.</param>
public sealed record UnplacedVisit(Guid ApplicationId, string OrganisationName, string Reason);

/// <summary>
/// Proposes a schedule of site visits inside a window: the visits of one province on consecutive days (so a team travels
/// once), each with <see cref="SiteVisitRules.MinimumTeam"/> experts available that day, unconflicted and on no other visit
/// that day, spreading the visits over the experts (the least loaded first). Pure: the bookings already made come in.
/// </summary>
public static class VisitPlanner
{
    public const string NoTeam = "时间窗口内找不到连续日期上有空、无利益冲突的两名专家。 / " +
        "No two available, unconflicted experts free on a consecutive day inside the window.";

    public static (IReadOnlyList<PlannedVisit> Planned, IReadOnlyList<UnplacedVisit> Unplaced) Propose(IReadOnlyList<VisitToPlace> visits,
        IReadOnlyList<VisitExpert> experts, IReadOnlySet<(string Expert, DateOnly Day)> booked, DateOnly from, DateOnly to)
    {
        var taken = new HashSet<(string, DateOnly)>(booked);
        var load = experts.ToDictionary(e => e.Id, _ => 0);
        var planned = new List<PlannedVisit>();
        var unplaced = new List<UnplacedVisit>();
        foreach (var province in visits.GroupBy(v => ProvinceOf(v.AuthorityCode)).OrderBy(g => g.Key))
        {
            var group = province.OrderBy(v => v.AuthorityCode).ThenBy(v => v.OrganisationName, StringComparer.Ordinal).ToList();
            List<PlannedVisit>? best = null;
            for (var start = from; start <= to; start = start.AddDays(1))
            {
                var attempt = TryFrom(start, group, experts, taken, load, to);
                if (best is null || attempt.Count > best.Count) best = attempt;
                if (best.Count == group.Count) break;
            }
            foreach (var visit in best ?? [])
            {
                planned.Add(visit);
                foreach (var expert in visit.Team) { taken.Add((expert, visit.Date)); load[expert]++; }
            }
            unplaced.AddRange(group.Where(v => best?.All(p => p.ApplicationId != v.ApplicationId) ?? true)
                .Select(v => new UnplacedVisit(v.ApplicationId, v.OrganisationName, NoTeam)));
        }
        return (planned, unplaced);
    }

    /// <summary>The province's visits from <paramref name="start"/>, one a day; a visit with no team that day is left out.</summary>
    static List<PlannedVisit> TryFrom(DateOnly start, IReadOnlyList<VisitToPlace> group, IReadOnlyList<VisitExpert> experts,
        IReadOnlySet<(string, DateOnly)> taken, IReadOnlyDictionary<string, int> load, DateOnly to)
    {
        var placed = new List<PlannedVisit>();
        var extra = new Dictionary<string, int>();
        var day = start;
        foreach (var visit in group)
        {
            if (day > to) break;
            var team = experts
                .Where(e => e.Active && !visit.Conflicted.Contains(e.Id) && e.AvailableDates.Contains(day) && !taken.Contains((e.Id, day)))
                .OrderBy(e => load.GetValueOrDefault(e.Id) + extra.GetValueOrDefault(e.Id)).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(SiteVisitRules.MinimumTeam).Select(e => e.Id).ToList();
            if (team.Count < SiteVisitRules.MinimumTeam) continue;
            placed.Add(new PlannedVisit(visit.ApplicationId, day, visit.Place, team));
            foreach (var expert in team) extra[expert] = extra.GetValueOrDefault(expert) + 1;
            day = day.AddDays(1);
        }
        return placed;
    }

    /// <summary>The province a recommending authority lies in: a separately planned city's province, else itself.</summary>
    public static string ProvinceOf(string authorityCode) => Authorities.Find(authorityCode)?.ParentCode ?? authorityCode;
}
