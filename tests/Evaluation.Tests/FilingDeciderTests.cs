using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Services.Evaluation.Progress;

namespace ServiceManufacturing.Tests.Evaluation;

public class FilingDeciderTests
{
    static readonly Guid CampaignId = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 5, 31, 23, 59, 0, TimeSpan.FromHours(8));
    static readonly DateTimeOffset Late = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));
    static readonly EvaluationCampaign Fifth = EvaluationCampaign.Create(new CampaignNoted(CampaignId, 2023, 5, "第五批", new DateOnly(2023, 5, 31), Now.AddMonths(-3)));
    static readonly Demonstration Demo = new(Guid.CreateVersion7(), 3, DemonstrationCategory.Enterprise, "深圳某某电子有限公司", "914403001922038216",
        "440300", 2021, "customization");
    static readonly Guid Id = EvaluationFiling.IdFor(CampaignId, Demo.Id);
    static readonly EvaluationMaterial Material = new("正常经营",
        [new YearFigures(2021, 10000m, 3500m, 0.35m), new YearFigures(2022, 12000m, 4800m, 0.4m)], "定制化服务收入持续增长");
    static readonly FilingDocument Document = new(Guid.CreateVersion7(), "application/pdf", 1000, new string('d', 64));
    static readonly object[] Drafted =
    [
        new FilingDraftSaved(Id, CampaignId, Demo.Id, "440300", Material, "applicant", Now.AddDays(-2)),
        new FilingDocumentAttached(Id, CampaignId, Demo.Id, "440300", Document, "applicant", Now.AddDays(-2)),
    ];

    [Fact]
    public void ADraftWithADocumentIsSubmittedWithAHashOverTheMaterialAndDocuments()
    {
        var submitted = Assert.IsType<FilingSubmitted>(Assert.Single(Decide(Submit(), Now, Drafted)));

        Assert.Equal(EvaluationFiling.HashOf(Id, CampaignId, Demo.Id, "440300", Material, [Document]), submitted.ContentHash);
        Assert.NotEqual(submitted.ContentHash, EvaluationFiling.HashOf(Id, CampaignId, Demo.Id, "440300",
            Material with { Results = "改动" }, [Document]));
    }

    [Fact]
    public void AFilingAfterTheEndOfTheDeadlineDayInChinaIsRefusedAndPassesUnderAnException()
    {
        Assert.Equal(FilingRules.DeadlinePassed, Refused(Submit(), Late, Drafted));
        var extended = Fifth.Apply(new EvaluationDeadlineExtended(CampaignId, "440300", new DateOnly(2023, 6, 10), "疫情", Late));
        Assert.Single(Decide(Submit() with { Campaign = extended }, Late, Drafted));
        var otherAuthority = Fifth.Apply(new EvaluationDeadlineExtended(CampaignId, "130000", new DateOnly(2023, 6, 10), "疫情", Late));
        Assert.Equal(FilingRules.DeadlinePassed, Refused(Submit() with { Campaign = otherAuthority }, Late, Drafted));
    }

    [Fact]
    public void WithoutMaterialOrDocumentsThereIsNoSubmission()
    {
        Assert.Equal(FilingRules.MaterialRequired, Refused(Submit(), Now, Drafted[1]));
        Assert.Equal(FilingRules.DocumentsRequired, Refused(Submit(), Now, Drafted[0]));
    }

    [Fact]
    public void EveryYearSinceSelectionNeedsItsFigures()
    {
        var oneYear = new FilingDraftSaved(Id, CampaignId, Demo.Id, "440300", Material with { Years = [Material.Years[0]] }, "applicant", Now);
        var refusal = Assert.Throws<RuleViolation>(() => FilingDecider.Decide(Submit(), State(oneYear, Drafted[1]), Now));
        Assert.Equal((FilingRules.YearsMissing, "2022"), (refusal.Rule, refusal.Detail));
    }

    [Fact]
    public void OnlyDemonstrationsOfEarlierBatchesFileInACampaign() =>
        Assert.Equal(FilingRules.NotDue, Refused(Submit() with { Demonstration = Demo with { Batch = 5 } }, Now, Drafted));

    [Fact]
    public void ADemonstrationTheCampaignDoesNotCoverNeitherDraftsNorUploads()
    {
        var fifthBatch = Demo with { Batch = 5 };
        Assert.Equal(FilingRules.NotDue, Refused(Draft() with { Demonstration = fifthBatch }, Now));
        Assert.Equal(FilingRules.NotDue, Refused(Attach() with { Demonstration = fifthBatch }, Now));
        Assert.Single(Decide(Draft(), Now));
        Assert.Single(Decide(Attach(), Now));
    }

    [Fact]
    public void ADemonstrationWhoseTitleWasRevokedNoLongerFiles()
    {
        var revoked = Demo with { Outcome = EvaluationOutcome.TitleRevoked };
        Assert.Equal(FilingRules.TitleRevoked, Refused(Draft() with { Demonstration = revoked }, Now));
        Assert.Equal(FilingRules.TitleRevoked, Refused(Attach() with { Demonstration = revoked }, Now));
        Assert.Equal(FilingRules.TitleRevoked, Refused(Submit() with { Demonstration = revoked }, Now, Drafted));
        Assert.Single(Decide(Draft() with { Demonstration = Demo with { Outcome = EvaluationOutcome.NeedsRectification } }, Now));
    }

    [Fact]
    public void AnExplanationConcernsOnlyADemonstrationTheCampaignCovers()
    {
        Assert.Equal(FilingRules.NotDue, Refused(Explain() with { Demonstration = Demo with { Batch = 5 } }, Now));
        Assert.Single(Decide(Explain() with { Demonstration = Demo with { Batch = 4 } }, Now));
    }

    [Fact]
    public void ASubmittedFilingIsFrozenUntilTheMinistryReturnsItAndIsThenResubmitted()
    {
        var submitted = (FilingSubmitted)Decide(Submit(), Now, Drafted).Single();
        object[] history = [.. Drafted, submitted];
        Assert.Equal(FilingRules.Frozen, Refused(Draft(), Now, history));
        Assert.Equal(FilingRules.Frozen, Refused(Submit(), Now, history));

        Assert.Equal(FilingRules.CommentsRequired, Refused(new ReturnFiling(Id, "", "ministry"), Now, history));
        var returned = Assert.IsType<FilingReturned>(Assert.Single(Decide(new ReturnFiling(Id, "请补充 2022 年审计报告", "ministry"), Now, history)));
        Assert.Equal(FilingStatus.Returned, State([.. history, returned])!.Status);
        Assert.Single(Decide(Draft(), Now, [.. history, returned]));
        Assert.IsType<FilingSubmitted>(Assert.Single(Decide(Submit(), Now, [.. history, returned])));
    }

    [Fact]
    public void TheMinistryAcknowledgesOnlyASubmittedFiling()
    {
        Assert.Equal(FilingRules.NotSubmitted, Refused(new AcknowledgeFiling(Id, "ministry"), Now, Drafted));
        Assert.Equal(FilingRules.NotFound, Refused(new AcknowledgeFiling(Id, "ministry"), Now));
        var submitted = (FilingSubmitted)Decide(Submit(), Now, Drafted).Single();
        var acknowledged = Assert.IsType<FilingAcknowledged>(Assert.Single(Decide(new AcknowledgeFiling(Id, "ministry"), Now, [.. Drafted, submitted])));
        Assert.Equal(FilingRules.NotSubmitted, Refused(new AcknowledgeFiling(Id, "ministry"), Now, [.. Drafted, submitted, acknowledged]));
    }

    [Fact]
    public void AnAuthorityExplainsADemonstrationThatCannotFileAndItThenFilesNothing()
    {
        var explained = Assert.IsType<CannotFileExplained>(Assert.Single(Decide(Explain(), Now)));
        Assert.Equal((BusinessStatus.Cancelled, "深圳某某电子有限公司", 3), (explained.Status, explained.Name, explained.Batch));

        Assert.Equal(FilingRules.Explained, Refused(Draft(), Now, explained));
        Assert.Equal(FilingRules.Explained, Refused(Submit(), Now, explained));
    }

    [Fact]
    public void ADemonstrationThatFiledNeedsNoExplanation()
    {
        var submitted = (FilingSubmitted)Decide(Submit(), Now, Drafted).Single();
        Assert.Equal(FilingRules.AlreadyFiled, Refused(Explain(), Now, [.. Drafted, submitted]));
    }

    [Fact]
    public void AnExplanationsStatusDateIsNotInTheFuture() =>
        Assert.Equal(FilingRules.StatusDateInFuture, Refused(Explain() with { StatusDate = new DateOnly(2023, 6, 1) }, Now));

    [Theory]
    [InlineData(null, false, ProgressStatus.NotStarted)]
    [InlineData(null, true, ProgressStatus.Overdue)]
    [InlineData(FilingStatus.Draft, false, ProgressStatus.Draft)]
    [InlineData(FilingStatus.Returned, false, ProgressStatus.Draft)]
    [InlineData(FilingStatus.Draft, true, ProgressStatus.Overdue)]
    [InlineData(FilingStatus.Submitted, true, ProgressStatus.Filed)]
    [InlineData(FilingStatus.Acknowledged, false, ProgressStatus.Filed)]
    [InlineData(FilingStatus.Explained, true, ProgressStatus.Explained)]
    public void TheAuthorityViewShowsWhereEachDemonstrationStands(FilingStatus? status, bool past, ProgressStatus expected) =>
        Assert.Equal(expected, AuthorityProgressApi.StatusOf(status is { } s ? State(Drafted)! with { Status = s } : null, past));

    static SubmitFiling Submit() => new(Id, Fifth, Demo, "applicant");

    static SaveFilingDraft Draft() => new(Id, Fifth, Demo, Material, "applicant");

    static AttachFilingDocument Attach() => new(Id, Fifth, Demo, Document, "applicant");

    static ExplainCannotFile Explain() => new(Id, Fifth, Demo, BusinessStatus.Cancelled, new DateOnly(2023, 2, 1), "企业已注销", Document, "officer");

    static EvaluationFiling? State(params object[] events)
    {
        EvaluationFiling? state = null;
        foreach (var e in events)
            state = (state, e) switch
            {
                (null, FilingDraftSaved d) => EvaluationFiling.Create(d),
                (null, FilingDocumentAttached d) => EvaluationFiling.Create(d),
                (null, CannotFileExplained d) => EvaluationFiling.Create(d),
                (_, FilingDraftSaved d) => state!.Apply(d),
                (_, FilingDocumentAttached d) => state!.Apply(d),
                (_, FilingSubmitted d) => state!.Apply(d),
                (_, FilingAcknowledged d) => state!.Apply(d),
                (_, FilingReturned d) => state!.Apply(d),
                (_, CannotFileExplained d) => state!.Apply(d),
                _ => throw new ArgumentException(e.ToString()),
            };
        return state;
    }

    static object[] Decide(FilingCommand command, DateTimeOffset at, params object[] given) => FilingDecider.Decide(command, State(given), at);

    static Rule Refused(FilingCommand command, DateTimeOffset at, params object[] given) =>
        Assert.Throws<RuleViolation>(() => FilingDecider.Decide(command, State(given), at)).Rule;
}
