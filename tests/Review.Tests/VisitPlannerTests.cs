using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Tests.Review;

/// <summary>The schedule proposal: one province's visits on consecutive days, every team of two free, available, unconflicted experts.</summary>
public class VisitPlannerTests
{
    static readonly DateOnly From = new(2023, 9, 11);
    static readonly DateOnly To = new(2023, 9, 22);

    static VisitToPlace Visit(string authority, string name, params string[] conflicted) =>
        new(Guid.CreateVersion7(), name, authority, name, conflicted.ToHashSet());

    static VisitExpert Expert(string id, params int[] days) => new(id, true, days.Select(d => From.AddDays(d)).ToList(), false);

    [Fact]
    public void AProvincesVisitsFallOnConsecutiveDaysAndNoExpertIsOnTwoVisitsADay()
    {
        var visits = new[] { Visit("330000", "杭州市"), Visit("330200", "宁波市"), Visit("130000", "石家庄市"), Visit("130000", "唐山市") };
        var experts = new[] { Expert("a", 0, 1, 2, 3), Expert("b", 0, 1, 2, 3), Expert("c", 0, 1, 2, 3), Expert("d", 1, 2) };

        var (planned, unplaced) = VisitPlanner.Propose(visits, experts, new HashSet<(string, DateOnly)>(), From, To);

        Assert.Empty(unplaced);
        Assert.Equal(4, planned.Count);
        Assert.All(planned, p => Assert.Equal(2, p.Team.Distinct().Count()));
        foreach (var province in planned.GroupBy(p => VisitPlanner.ProvinceOf(visits.Single(v => v.ApplicationId == p.ApplicationId).AuthorityCode)))
        {
            var days = province.Select(p => p.Date.DayNumber).Order().ToList();
            Assert.Equal(Enumerable.Range(days[0], days.Count), days); // Ningbo (330200) lies in Zhejiang: one run with Hangzhou
        }
        Assert.All(planned.SelectMany(p => p.Team.Select(e => (e, p.Date))).GroupBy(x => x), g => Assert.Single(g));
        Assert.All(planned.SelectMany(p => p.Team.Select(e => (e, p.Date))), x => Assert.Contains(x.Date, experts.Single(e => e.Id == x.e).AvailableDates));
    }

    [Fact]
    public void ConflictedExpertsAndBookedDaysAreAvoidedAndWhatCannotBePlacedIsReported()
    {
        var hebei = Visit("130000", "石家庄市", "a");
        var tianjin = Visit("120000", "天津市");
        var experts = new[] { Expert("a", 0), Expert("b", 0), Expert("c", 0) };
        var booked = new HashSet<(string, DateOnly)> { ("c", From) };

        var (planned, unplaced) = VisitPlanner.Propose([hebei, tianjin], experts, booked, From, To);

        // Only b is free, available and unconflicted for Hebei on the one day: no team of two.
        Assert.Equal(hebei.ApplicationId, Assert.Single(unplaced).ApplicationId);
        var placed = Assert.Single(planned);
        Assert.Equal((tianjin.ApplicationId, From), (placed.ApplicationId, placed.Date));
        Assert.DoesNotContain("c", placed.Team);
    }

    [Fact]
    public void NothingIsPlacedOutsideTheWindow()
    {
        var (planned, unplaced) = VisitPlanner.Propose([Visit("130000", "石家庄市")], [Expert("a", 20), Expert("b", 20)],
            new HashSet<(string, DateOnly)>(), From, To);

        Assert.Empty(planned);
        Assert.Single(unplaced);
    }

    [Fact]
    public void VisitsAreSpreadOverTheExperts()
    {
        var visits = Enumerable.Range(0, 4).Select(i => Visit($"{13 + i}0000", $"城市{i}")).ToList();
        var experts = Enumerable.Range(0, 4).Select(i => Expert($"e{i}", 0, 1, 2, 3)).ToList();

        var (planned, _) = VisitPlanner.Propose(visits, experts, new HashSet<(string, DateOnly)>(), From, To);

        Assert.All(planned.SelectMany(p => p.Team).GroupBy(e => e), g => Assert.Equal(2, g.Count()));
    }
}
