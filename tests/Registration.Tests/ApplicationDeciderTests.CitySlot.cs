using ApplicationCategory = ServiceManufacturing.Contracts.ApplicationCategory;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>A separately planned city's one city application, decided over the application's stream and its city's slot.</summary>
public partial class ApplicationDeciderTests
{
    static Guid NingboSlot => CityApplicationSlot.IdFor(Fifth.Id, "330200");

    static Application NingboCity() => Given(Created(ApplicationCategory.City, "330200", TestUsers.CityAuthority), Saved(Forms.City("宁波市"))).State!;

    [Fact]
    public void TheFirstCityApplicationSubmittedTakesItsCitysSlot()
    {
        var decided = CityApplicationSlotDecider.Decide(Submit(), NingboCity(), null, Now);

        Assert.IsType<ApplicationSubmitted>(Assert.Single(decided[Id]));
        Assert.Equivalent(new CityApplicationSlotTaken(NingboSlot, Fifth.Id, "330200", Id, Now), Assert.Single(decided[NingboSlot]), strict: true);
    }

    [Fact]
    public void ASecondCityApplicationWhileAnotherHoldsTheSlotIsRefused() =>
        Assert.Equal(ApplicationRules.OneCityPerSeparatelyPlannedCity, Assert.Throws<RuleViolation>(() =>
            CityApplicationSlotDecider.Decide(Submit(), NingboCity(), new CityApplicationSlot(NingboSlot, Guid.CreateVersion7()), Now)).Rule);

    [Fact]
    public void TheApplicationHoldingTheSlotIsSubmittedAgainWithoutTakingItTwice()
    {
        var decided = CityApplicationSlotDecider.Decide(Submit(), NingboCity(), new CityApplicationSlot(NingboSlot, Id), Now);

        Assert.Single(decided[Id]);
        Assert.Empty(decided[NingboSlot]);
    }

    [Fact]
    public void WithdrawingTheApplicationHoldingTheSlotFreesIt()
    {
        var submitted = NingboCity().Apply((ApplicationSubmitted)ApplicationDecider.Decide(Submit(), NingboCity(), Now).Single());

        var decided = CityApplicationSlotDecider.Decide(new WithdrawApplication(Id, "改报另一类"), submitted, new CityApplicationSlot(NingboSlot, Id), Now);

        Assert.IsType<ApplicationWithdrawn>(Assert.Single(decided[Id]));
        Assert.Equivalent(new CityApplicationSlotFreed(NingboSlot, Id, Now), Assert.Single(decided[NingboSlot]), strict: true);
    }

    [Fact]
    public void WithdrawingAnotherApplicationLeavesTheSlotWithItsHolder()
    {
        var submitted = NingboCity().Apply((ApplicationSubmitted)ApplicationDecider.Decide(Submit(), NingboCity(), Now).Single());

        var decided = CityApplicationSlotDecider.Decide(new WithdrawApplication(Id, null), submitted, new CityApplicationSlot(NingboSlot, Guid.CreateVersion7()), Now);

        Assert.Single(decided[Id]);
        Assert.Empty(decided[NingboSlot]);
    }
}
