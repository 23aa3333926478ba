using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using CampaignDeadlines = ServiceManufacturing.Contracts.CampaignDeadlines;
using DeadlineKind = ServiceManufacturing.Contracts.DeadlineKind;
using QuotaRow = ServiceManufacturing.Contracts.QuotaRow;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration.Campaigns;

namespace ServiceManufacturing.Tests.Registration;

public class CampaignDeciderTests
{
    static readonly DateTimeOffset Now = new(2024, 3, 1, 9, 0, 0, ChinaTime.Offset);

    [Fact]
    public void TheSeededFifthBatchHasExactlyTheNoticesValues()
    {
        var c = FifthBatch2023.Command;
        Assert.Equal((2023, 5, new DateOnly(2021, 1, 1), 2, 0.30m), (c.Year, c.Batch, c.EligibilityWindowStart, c.PlatformMinimumOperatingYears, c.EnterpriseServiceRevenueShare));
        Assert.Equal(new CampaignDeadlines(new DateOnly(2023, 3, 20), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31)), c.Deadlines);
        Assert.Equal(new QuotaRow(AuthorityType.Province, 10, 1, 3, 1, 1, 2), c.Quotas.Single(q => q.AuthorityType == AuthorityType.Province));
        Assert.Equal(new QuotaRow(AuthorityType.Xpcc, 10, 1, 3, 0, 0, 0), c.Quotas.Single(q => q.AuthorityType == AuthorityType.Xpcc));
        Assert.Equal(new QuotaRow(AuthorityType.SeparatelyPlannedCity, 3, 1, 1, 1, 1, 1), c.Quotas.Single(q => q.AuthorityType == AuthorityType.SeparatelyPlannedCity));
        Assert.Equal(5, c.Quotas.Count);
    }

    [Fact]
    public void ALaterCampaignOpensWithItsOwnValues()
    {
        var sixth = FifthBatch2023.Command with { CampaignId = Guid.CreateVersion7(), Year = 2024, Batch = 6, PlatformMinimumOperatingYears = 3 };
        var opened = Assert.IsType<CampaignOpened>(Assert.Single(CampaignDecider.Decide(sixth, null, Now)));
        Assert.Equal((2024, 6, 3), (opened.Year, opened.Batch, opened.PlatformMinimumOperatingYears));
    }

    [Fact]
    public void OnlyOneCampaignTakesApplicationsAtATime() =>
        Assert.Equal(CampaignRules.OneOpenAtATime, Assert.Throws<RuleViolation>(() => CampaignDecider.Decide(
            FifthBatch2023.Command with { CampaignId = Guid.CreateVersion7(), OpenCampaignId = FifthBatch2023.Id }, null, Now)).Rule);

    [Fact]
    public void AQuotaTableMustCoverEveryAuthorityType() =>
        Assert.Equal(CampaignRules.QuotaForEveryAuthorityType, Assert.Throws<RuleViolation>(() => CampaignDecider.Decide(
            FifthBatch2023.Command with { Quotas = FifthBatch2023.Command.Quotas.Skip(1).ToList() }, null, Now)).Rule);

    [Fact]
    public void AnExceptionMustMoveTheDeadlineLater()
    {
        var fifth = Campaign.Create(new CampaignOpened(FifthBatch2023.Id, 2023, 5, "x", new DateOnly(2021, 1, 1), 2, 0.3m,
            FifthBatch2023.Command.Deadlines, FifthBatch2023.Command.Quotas, Now));
        Assert.Equal(CampaignRules.ExceptionExtends, Assert.Throws<RuleViolation>(() => CampaignDecider.Decide(
            new GrantDeadlineException(fifth.Id, "440300", DeadlineKind.Applications, new DateOnly(2023, 5, 31), "无", "m"), fifth, Now)).Rule);
        Assert.Single(CampaignDecider.Decide(
            new GrantDeadlineException(fifth.Id, "440300", DeadlineKind.Applications, new DateOnly(2023, 6, 1), "系统故障", "m"), fifth, Now));
    }

    [Fact]
    public void ADeadlineRunsToTheEndOfTheDayInChina()
    {
        Assert.Equal(new DateTimeOffset(2023, 5, 31, 16, 0, 0, TimeSpan.Zero), ChinaTime.EndOfDay(new DateOnly(2023, 5, 31)));
    }
}
