using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Evaluation.Campaigns;

namespace ServiceManufacturing.Tests.Evaluation;

public class EvaluationCampaignTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly CampaignOpened Opened = new(Id, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
        new CampaignDeadlines(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 30), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31)), [], Now);

    static DeadlineExceptionGranted Exception(DeadlineKind kind, DateOnly until) => new(Id, "130000", kind, until, "系统故障", "ministry", Now);

    [Fact]
    public void ACampaignIsNotedWithItsEvaluationMaterialDeadlineOnce()
    {
        var noted = Assert.IsType<CampaignNoted>(Assert.Single(EvaluationCampaignDecider.Note(Opened, null, Now)));
        Assert.Equal(new DateOnly(2023, 5, 31), noted.EvaluationMaterialDeadline);
        Assert.Empty(EvaluationCampaignDecider.Note(Opened, EvaluationCampaign.Create(noted), Now));
    }

    [Fact]
    public void OnlyAnEvaluationMaterialExceptionMovesTheEvaluationDeadline()
    {
        var campaign = EvaluationCampaign.Create((CampaignNoted)EvaluationCampaignDecider.Note(Opened, null, Now).Single());
        Assert.Empty(EvaluationCampaignDecider.Extend(Exception(DeadlineKind.Recommendations, new DateOnly(2023, 6, 10)), campaign, Now));
        var extended = Assert.IsType<EvaluationDeadlineExtended>(Assert.Single(
            EvaluationCampaignDecider.Extend(Exception(DeadlineKind.EvaluationMaterial, new DateOnly(2023, 6, 10)), campaign, Now)));
        campaign = campaign.Apply(extended);

        Assert.Equal(new DateOnly(2023, 6, 10), campaign.DeadlineFor("130000"));
        Assert.Equal(new DateOnly(2023, 5, 31), campaign.DeadlineFor("440300"));
        Assert.Empty(EvaluationCampaignDecider.Extend(Exception(DeadlineKind.EvaluationMaterial, new DateOnly(2023, 6, 5)), campaign, Now));
    }

    [Fact]
    public void AnExceptionHeardBeforeItsCampaignIsKeptAndCounts()
    {
        var early = (EvaluationDeadlineExtended)EvaluationCampaignDecider.Extend(Exception(DeadlineKind.EvaluationMaterial, new DateOnly(2023, 6, 10)), null, Now).Single();
        var state = EvaluationCampaign.Create(early);
        Assert.False(state.Noted);

        var campaign = state.Apply((CampaignNoted)EvaluationCampaignDecider.Note(Opened, state, Now).Single());

        Assert.True(campaign.Noted);
        Assert.Equal(new DateOnly(2023, 6, 10), campaign.DeadlineFor("130000"));
    }

    [Fact]
    public void TheDeadlineEndsAtMidnightChinaStandardTime()
    {
        var campaign = EvaluationCampaign.Create((CampaignNoted)EvaluationCampaignDecider.Note(Opened, null, Now).Single());
        Assert.False(campaign.IsPast("440300", new DateTimeOffset(2023, 5, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.True(campaign.IsPast("440300", new DateTimeOffset(2023, 5, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TheOneDeadlineRuleLetsOnlyALaterExceptionWinAndEndsTheDayInChina()
    {
        var campaignDay = new DateOnly(2023, 5, 31);
        Assert.Equal(new DateOnly(2023, 6, 10), AuthorityDeadline.For(campaignDay, [new DateOnly(2023, 6, 10), new DateOnly(2023, 6, 5)]));
        Assert.Equal(campaignDay, AuthorityDeadline.For(campaignDay, [new DateOnly(2023, 5, 1)]));
        var exceptions = new Dictionary<string, DateOnly> { ["130000"] = new(2023, 6, 10) };
        Assert.Equal(campaignDay, AuthorityDeadline.For(campaignDay, exceptions, "440300"));
        Assert.False(AuthorityDeadline.IsPast(campaignDay, exceptions, "440300", new DateTimeOffset(2023, 5, 31, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.True(AuthorityDeadline.IsPast(campaignDay, exceptions, "440300", new DateTimeOffset(2023, 5, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.False(AuthorityDeadline.IsPast(campaignDay, exceptions, "130000", new DateTimeOffset(2023, 6, 10, 12, 0, 0, TimeSpan.FromHours(8))));
    }
}
