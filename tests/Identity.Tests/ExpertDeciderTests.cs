using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Experts;

namespace ServiceManufacturing.Tests.Identity;

public class ExpertDeciderTests
{
    static readonly Guid Account = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly ExpertProfileFields Profile = new("张评审", "北京某某工业研究院", "121100004000000115", "110000",
        ["supplyChainManagement", "customization"], ["other"], [new(2023, 7, 4), new(2023, 7, 3)], true);

    static Expert Existing() => Expert.Create((ExpertProfileRecorded)ExpertDecider.Decide(
        new RecordExpertProfile(Account, PlatformRoles.Expert, Profile, "ministry-officer:1"), null, Now).Single());

    [Fact]
    public void TheMinistryRecordsAnExpertAccountsWholeProfileInOrder()
    {
        var recorded = Assert.IsType<ExpertProfileRecorded>(Assert.Single(ExpertDecider.Decide(
            new RecordExpertProfile(Account, PlatformRoles.Expert, Profile, "ministry-officer:1"), null, Now)));
        Assert.Equal(["customization", "supplyChainManagement"], recorded.ServiceModes);
        Assert.Equal([new DateOnly(2023, 7, 3), new DateOnly(2023, 7, 4)], recorded.AvailableDates);
        Assert.Equal(("110000", true, "ministry-officer:1"), (recorded.AuthorityCode, recorded.Active, recorded.ChangedBy));
    }

    [Fact]
    public void OnlyAnExpertAccountHasAProfile()
    {
        Assert.Equal(ExpertRules.NotAnExpertAccount, Assert.Throws<RuleViolation>(() => ExpertDecider.Decide(
            new RecordExpertProfile(Account, PlatformRoles.Applicant, Profile, "ministry-officer:1"), null, Now)).Rule);
        Assert.Equal(ExpertRules.NotFound, Assert.Throws<RuleViolation>(() => ExpertDecider.Decide(
            new RecordExpertProfile(Account, null, Profile, "ministry-officer:1"), null, Now)).Rule);
    }

    [Fact]
    public void TheSameProfileAgainChangesNothing() =>
        Assert.Empty(ExpertDecider.Decide(new RecordExpertProfile(Account, PlatformRoles.Expert, Profile, "ministry-officer:2"), Existing(), Now));

    [Fact]
    public void AnExpertChangesHisAvailableDatesAndTheRestOfTheProfileStays()
    {
        var changed = Assert.IsType<ExpertProfileRecorded>(Assert.Single(ExpertDecider.Decide(
            new ChangeAvailableDates(Account, [new(2023, 8, 1)], "expert:1"), Existing(), Now)));
        Assert.Equal([new DateOnly(2023, 8, 1)], changed.AvailableDates);
        Assert.Equal(("张评审", "121100004000000115", "expert:1"), (changed.Name, changed.CreditCode, changed.ChangedBy));
    }

    [Fact]
    public void AnExpertWithoutAProfileHasNoDatesToChange() =>
        Assert.Equal(ExpertRules.NotFound, Assert.Throws<RuleViolation>(() => ExpertDecider.Decide(
            new ChangeAvailableDates(Account, [new(2023, 8, 1)], "expert:1"), null, Now)).Rule);
}
