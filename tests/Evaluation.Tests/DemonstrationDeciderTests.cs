using DemonstrationEnrolled = ServiceManufacturing.Services.Evaluation.Demonstrations.DemonstrationEnrolled;
using DemonstrationWithdrawn = ServiceManufacturing.Services.Evaluation.Demonstrations.DemonstrationWithdrawn;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Tests.Evaluation;

public class DemonstrationDeciderTests
{
    static readonly DateTimeOffset Now = new(2023, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly RosterFacts Qingdao = new(2, DemonstrationCategory.City, "青岛市", null, "370200", 2018, "comprehensive");
    static readonly RosterFacts Enterprise = new(3, DemonstrationCategory.Enterprise, "深圳某某电子有限公司", "914403001922038216", "440300", 2021, "customization");
    static readonly Guid Id = Demonstration.IdFor(Enterprise.Batch, Enterprise.CreditCode, Enterprise.AuthorityCode, Enterprise.Name);
    static readonly Demonstration Known = Demonstration.Create(new DemonstrationEnrolled(Id, 3, DemonstrationCategory.Enterprise, Enterprise.Name,
        Enterprise.CreditCode, "440300", Now.AddDays(-1), 2021, "customization"));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ADemonstrationOfBatchesOneToFourJoinsTheRoster(int batch) =>
        Assert.Equal(
            [new DemonstrationEnrolled(Id, batch, DemonstrationCategory.City, "青岛市", null, "370200", Now, 2018, "comprehensive")],
            DemonstrationDecider.Decide(new EnrollDemonstration(Id, Qingdao with { Batch = batch }), null, Now));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void ADemonstrationOfAnotherBatchIsRefused(int batch) =>
        Assert.Equal(DemonstrationRules.EarlierBatchesOnly, Refused(new EnrollDemonstration(Id, Enterprise with { Batch = batch }), null));

    [Fact]
    public void EnrollingTheSameDemonstrationTwiceIsRefused() =>
        Assert.Equal(DemonstrationRules.AlreadyEnrolled, Refused(new EnrollDemonstration(Id, Enterprise), Known));

    [Fact]
    public void TheNaturalKeyIsBatchAndCreditCodeOrForACityBatchAuthorityAndName()
    {
        Assert.Equal(Demonstration.IdFor(3, "914403001922038216", "440300", "甲"), Demonstration.IdFor(3, "914403001922038216", "130000", "乙"));
        Assert.NotEqual(Demonstration.IdFor(3, "914403001922038216", "440300", "甲"), Demonstration.IdFor(4, "914403001922038216", "440300", "甲"));
        Assert.Equal(Demonstration.IdFor(2, null, "370200", "青岛市"), Demonstration.IdFor(2, null, "370200", " 青岛 "));
        Assert.NotEqual(Demonstration.IdFor(2, null, "370200", "青岛市"), Demonstration.IdFor(2, null, "210200", "青岛市"));
    }

    [Fact]
    public void AnImportedRowEnrolsANewDemonstration() =>
        Assert.IsType<DemonstrationEnrolled>(Assert.Single(Decide(new RecordRosterRow(Id, Enterprise, "ministry"), null)));

    [Fact]
    public void TheSameRowImportedAgainChangesNothing() =>
        Assert.Empty(Decide(new RecordRosterRow(Id, Enterprise, "ministry"), Known));

    [Fact]
    public void ARowThatSaysSomethingElseAboutAKnownDemonstrationIsACorrection()
    {
        var corrected = Assert.IsType<DemonstrationCorrected>(Assert.Single(
            Decide(new RecordRosterRow(Id, Enterprise with { Name = "深圳某某电子股份有限公司" }, "ministry"), Known)));
        Assert.Equal(("深圳某某电子股份有限公司", "ministry"), (corrected.Name, corrected.CorrectedBy));
        Assert.Equal("深圳某某电子股份有限公司", Known.Apply(corrected).Name);
    }

    [Fact]
    public void ACorrectionCannotChangeWhatIdentifiesTheEntry() =>
        Assert.Equal(DemonstrationRules.KeyUnchangeable,
            Refused(new CorrectDemonstration(Id, Enterprise with { Category = DemonstrationCategory.Platform }, "ministry"), Known));

    [Fact]
    public void CorrectingAnUnknownDemonstrationIsRefused() =>
        Assert.Equal(DemonstrationRules.NotFound, Refused(new CorrectDemonstration(Id, Enterprise, "ministry"), null));

    [Fact]
    public void AFifthBatchSelectionJoinsTheRosterOnceWithItsApplication()
    {
        var application = Guid.CreateVersion7();
        var selection = new NoteSelection(Id, Enterprise with { Batch = 5, Year = 2023 }, application, Now);

        var enrolled = Assert.IsType<DemonstrationEnrolled>(Assert.Single(Decide(selection, null)));

        Assert.Equal((5, application), (enrolled.Batch, enrolled.ApplicationId));
        Assert.Empty(Decide(selection, Demonstration.Create(enrolled)));
    }

    [Fact]
    public void AnOutcomeIsRecordedWithItsReasonsAndTheEntryItIsAbout()
    {
        var outcome = Assert.IsType<DemonstrationOutcomeRecorded>(Assert.Single(
            Decide(new EvaluateDemonstration(Id, EvaluationOutcome.Pass, "服务收入占比持续提升", null, "ministry"), Known)));
        Assert.Equal((EvaluationOutcome.Pass, "服务收入占比持续提升", "914403001922038216"), (outcome.Outcome, outcome.Reasons, outcome.CreditCode));
    }

    [Fact]
    public void AnOutcomeWithoutReasonsIsRefused() =>
        Assert.Equal(DemonstrationRules.ReasonsRequired, Refused(new EvaluateDemonstration(Id, EvaluationOutcome.Fail, " ", null, "ministry"), Known));

    [Theory]
    [InlineData(null)]
    [InlineData("2023-03-20")]
    public void RectificationNeedsADueDateAfterToday(string? due) =>
        Assert.Equal(DemonstrationRules.RectificationDueRequired, Refused(new EvaluateDemonstration(Id, EvaluationOutcome.NeedsRectification,
            "服务收入下降", due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), "ministry"), Known));

    [Fact]
    public void RectificationKeepsItsDueDate() =>
        Assert.Equal(new DateOnly(2023, 9, 30), Assert.IsType<DemonstrationOutcomeRecorded>(Assert.Single(Decide(new EvaluateDemonstration(Id,
            EvaluationOutcome.NeedsRectification, "服务收入下降", new DateOnly(2023, 9, 30), "ministry"), Known))).RectificationDue);

    [Fact]
    public void ARevokedTitleIsNotEvaluatedAgain()
    {
        var revoked = Known.Apply((DemonstrationOutcomeRecorded)Decide(
            new EvaluateDemonstration(Id, EvaluationOutcome.TitleRevoked, "企业已注销", null, "ministry"), Known).Single());
        Assert.Equal(DemonstrationRules.TitleAlreadyRevoked,
            Refused(new EvaluateDemonstration(Id, EvaluationOutcome.Pass, "复核", null, "ministry"), revoked));
    }

    [Fact]
    public void AnEntryMadeInErrorIsWithdrawnWithItsReasonAndThenNothingElseHappensToIt()
    {
        Assert.Equal(DemonstrationRules.WithdrawalReasonRequired, Refused(new WithdrawDemonstration(Id, " ", "ministry"), Known));
        Assert.Equal(DemonstrationRules.NotFound, Refused(new WithdrawDemonstration(Id, "批次录错", "ministry"), null));
        var withdrawn = Assert.IsType<DemonstrationWithdrawn>(Assert.Single(Decide(new WithdrawDemonstration(Id, " 批次录错 ", "ministry"), Known)));
        Assert.Equal((Id, "批次录错", "914403001922038216"), (withdrawn.DemonstrationId, withdrawn.Reason, withdrawn.CreditCode));

        var gone = Known.Apply(withdrawn);
        Assert.Equal(DemonstrationRules.Withdrawn, Refused(new WithdrawDemonstration(Id, "再撤", "ministry"), gone));
        Assert.Equal(DemonstrationRules.Withdrawn, Refused(new CorrectDemonstration(Id, Enterprise with { Name = "改名" }, "ministry"), gone));
        Assert.Equal(DemonstrationRules.Withdrawn, Refused(new EvaluateDemonstration(Id, EvaluationOutcome.Pass, "良好", null, "ministry"), gone));
        Assert.Equal(DemonstrationRules.Withdrawn, Refused(new RecordRosterRow(Id, Enterprise, "ministry"), gone));
        Assert.Equal(DemonstrationRules.Withdrawn, Refused(new EnrollDemonstration(Id, Enterprise), gone));
    }

    [Fact]
    public void OnlyDemonstrationsOfBatchesOneToFourGetAnOutcome()
    {
        var selected = Known with { Batch = 5 };
        Assert.Equal(DemonstrationRules.EarlierBatchesOnly,
            Refused(new EvaluateDemonstration(Id, EvaluationOutcome.Pass, "示范作用明显", null, "ministry"), selected));
        Assert.Single(Decide(new EvaluateDemonstration(Id, EvaluationOutcome.Pass, "示范作用明显", null, "ministry"), Known with { Batch = 4 }));
    }

    static object[] Decide(DemonstrationCommand command, Demonstration? state) => DemonstrationDecider.Decide(command, state, Now);

    static Rule Refused(DemonstrationCommand command, Demonstration? state) =>
        Assert.Throws<RuleViolation>(() => DemonstrationDecider.Decide(command, state, Now)).Rule;
}
