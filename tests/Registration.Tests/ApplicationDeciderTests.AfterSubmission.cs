using ReviewStage = ServiceManufacturing.Contracts.ReviewStage;
using ServiceManufacturing.Services.Registration.Applications;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>The application after its submission: withdrawal, and what Review reports of it.</summary>
public partial class ApplicationDeciderTests
{
    // After submission: withdrawal, and Review's stages as they arrive
    [Fact]
    public void ASubmittedApplicationCanBeWithdrawnUntilItsAuthorityDecides()
    {
        Given(Enterprise, Saved(Forms.Enterprise()), Submitted()).When(new WithdrawApplication(Id, "重新准备")).Then(new ApplicationWithdrawn(Id, "重新准备", Now));
        Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), Reported(ReviewStage.PassedInitialReview))
            .When(new WithdrawApplication(Id, null)).ThenRefused(ApplicationRules.CannotWithdraw);
    }

    [Fact]
    public void AStageThatArrivesAfterALaterOneIsKeptButMovesNoStatusBack()
    {
        // Recommended (Review's event 20) and the package's intake (event 30) travel as different messages.
        var intake = Reported(ReviewStage.AwaitingExpertReview, 30);
        var recommended = Reported(ReviewStage.Recommended, 20);
        var state = Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), Reported(ReviewStage.PassedInitialReview, 10), intake).State!;

        Assert.Equal(ApplicationStatus.AwaitingExpertReview, state.Apply(recommended).Status);
        Assert.Equal(ApplicationStatus.Recommended, Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), recommended).State!.Status);
        new Scenario(state).When(new ReportReviewStage(Id, ReviewStage.Recommended, null, recommended.MessageId, Now, 20))
            .Then(recommended with { At = Now });
    }

    [Fact]
    public void AnAuthoritysDecisionThatCrossedTheWithdrawalIsKeptButTheApplicationStaysWithdrawn()
    {
        var passed = Reported(ReviewStage.PassedInitialReview);
        var state = Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), new ApplicationWithdrawn(Id, "重新准备", Now)).State!;

        Assert.Equal(ApplicationStatus.Withdrawn, state.Apply(passed).Status);
    }

    [Fact]
    public void AnApplicationReturnedForChangesIsEditedAndSubmittedAgain()
    {
        var returned = Reported(ReviewStage.ReturnedForChanges);
        Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), returned).When(new SaveApplicationForm(Id, Forms.Enterprise(200_000m, 90_000m)))
            .Then(new ApplicationFormSaved(Id, Forms.Enterprise(200_000m, 90_000m), Now));
        Given(Enterprise, Saved(Forms.Enterprise()), Submitted(), returned, Saved(Forms.Enterprise(200_000m, 90_000m))).When(Submit())
            .Then(Submitted(Forms.Enterprise(200_000m, 90_000m)));
    }
}
