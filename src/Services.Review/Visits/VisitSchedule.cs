using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>Writes a visit's schedule over its streams, and proposes (and writes) a whole campaign's schedule.</summary>
public static class VisitSchedule
{
    /// <summary>
    /// One schedule, decided over the visit, the review case and every expert day it touches, in one transaction. The visit
    /// is held to the version read here (or the caller's If-Match), so the days it leaves are the ones fetched; two officers
    /// booking one expert on one day meet on that day's stream, and the one decided second is refused by the rule.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, long>> WriteAsync(IDocumentSession session, ReviewCaseDetails details, DateOnly date,
        string? place, IReadOnlyList<string> team, long? expected, string by, DateTimeOffset now, CancellationToken ct)
    {
        var visitId = SiteVisit.IdFor(details.Id);
        var current = await session.LoadAsync<SiteVisit>(visitId, ct);
        var profiles = (await session.LoadManyAsync<ExpertProfile>(ct, team.Distinct().ToArray())).ToDictionary(p => p.Id);
        var declared = await VisitFacts.DeclaredConflictsAsync(session, details.Id, ct);
        var draft = new ScheduleVisit(VisitFacts.SubjectOf(details, null), date, place, team, new Dictionary<string, VisitExpert>(), by);
        var days = SiteVisitDecider.DaysTouched(draft, current);
        var expectedVisit = expected ?? (current?.Version is > 0 ? current.Version : null);
        return await session.DecideAsync(
            [StreamToWrite.Of<SiteVisit>(visitId, expectedVisit), StreamToWrite.Of<ReviewCase>(details.Id), .. days.Select(d => StreamToWrite.Of<ExpertDay>(d))],
            states =>
            {
                var state = states.Of<ReviewCase>(details.Id);
                var application = VisitFacts.ApplicationOf(details, state);
                var command = draft with
                {
                    Subject = VisitFacts.SubjectOf(details, state),
                    Experts = profiles.ToDictionary(p => p.Key, p => VisitFacts.ExpertOf(p.Value, application, declared)),
                };
                var visit = states.Of<SiteVisit>(visitId);
                // Another officer scheduled this visit first, moving it off days this write did not fetch: decide again from the start.
                if (SiteVisitDecider.DaysTouched(command, visit).Except(days).Any()) throw new RuleViolation(PlatformRules.ConcurrentChange);
                return SiteVisitDecider.Decide(command, visit, states.Of<ExpertDay>, now);
            }, ct);
    }

    /// <summary>
    /// Every visit due in the campaign and not yet scheduled (cities that passed expert review, marked enterprises and
    /// platforms), placed by <see cref="VisitPlanner"/> inside the window and written one by one; a visit whose write is
    /// refused (someone booked an expert meanwhile) is reported as not placed, with the rule that refused it.
    /// </summary>
    public static async Task<ScheduleProposal> ProposeAsync(IDocumentSession session, Guid campaignId, DateOnly from, DateOnly to,
        string by, TimeProvider clock, CancellationToken ct)
    {
        var passed = await session.Query<ExpertReviewVerdict>().Where(v => v.CampaignId == campaignId && v.Passed).ToListAsync(ct);
        var ids = passed.Select(v => v.Id).ToArray();
        var details = (await session.LoadManyAsync<ReviewCaseDetails>(ct, ids)).ToDictionary(d => d.Id);
        var visits = (await session.LoadManyAsync<SiteVisit>(ct, ids.Select(SiteVisit.IdFor).ToArray())).ToDictionary(v => v.ApplicationId);
        var experts = await session.Query<ExpertProfile>().ToListAsync(ct);
        var due = new List<VisitToPlace>();
        foreach (var verdict in passed.Where(v => details.ContainsKey(v.Id)))
        {
            var visit = visits.GetValueOrDefault(verdict.Id);
            if (!SiteVisit.Required(verdict.Category, visit) || visit is { Scheduled: true }) continue;
            var application = VisitFacts.ApplicationOf(details[verdict.Id], await session.Events.AggregateStreamAsync<ReviewCase>(verdict.Id, token: ct));
            var declared = await VisitFacts.DeclaredConflictsAsync(session, verdict.Id, ct);
            due.Add(new VisitToPlace(verdict.Id, details[verdict.Id].OrganisationName, verdict.AuthorityCode, VisitFacts.DefaultPlace(details[verdict.Id]),
                experts.Where(e => VisitFacts.ExpertOf(e, application, declared).Conflicted).Select(e => e.Id).ToHashSet()));
        }
        var booked = (await session.Query<ExpertDay>().Where(d => d.VisitApplicationId != null && d.Date >= from && d.Date <= to).ToListAsync(ct))
            .Select(d => (d.ExpertId, d.Date)).ToHashSet();
        var pool = experts.Select(e => new VisitExpert(e.Id, e.Active, e.AvailableDates, false)).ToList();
        var (planned, unplaced) = VisitPlanner.Propose(due, pool, booked, from, to);

        var scheduled = new List<PlannedVisit>();
        var refused = new List<UnplacedVisit>(unplaced);
        foreach (var visit in planned)
        {
            try
            {
                await WriteAsync(session, details[visit.ApplicationId], visit.Date, visit.Place, visit.Team, null, by, clock.GetUtcNow(), ct);
                scheduled.Add(visit);
            }
            catch (RuleViolation e)
            {
                refused.Add(new UnplacedVisit(visit.ApplicationId, details[visit.ApplicationId].OrganisationName, $"{e.Rule.Zh} / {e.Rule.En}"));
            }
            catch (Exception e) when (ServiceDefaults.EventStore.StreamWriter.IsConcurrent(e))
            {
                session.EjectAllPendingChanges();
                refused.Add(new UnplacedVisit(visit.ApplicationId, details[visit.ApplicationId].OrganisationName,
                    "安排时该考查被他人同时修改。 / Someone changed this visit at the same moment."));
            }
        }
        return new ScheduleProposal(scheduled, refused);
    }
}
