using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Memberships;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Access to an application is by owner, never by a shared field alone (issue 8, holes 1 and 3).</summary>
public class ApplicationAccessTests
{
    const string Shenzhen = TestUsers.ShenzhenCreditCode;
    static readonly CurrentUser First = new("first", "深圳某某智能制造有限公司", PlatformRoles.Applicant, null, Shenzhen, null);
    static readonly CurrentUser Second = First with { Subject = "second" };
    static readonly ApplicationDetails FirstsDraft = Application("first", ApplicationCategory.Enterprise, Shenzhen, Shenzhen);

    [Fact]
    public void AnUnverifiedApplicantKeepsItsOwnDraft() =>
        Assert.True(Unverified(First).CanChange(FirstsDraft));

    [Fact]
    public void AnUnverifiedApplicantSeesNothingElseOfItsOrganisation() =>
        Assert.False(Unverified(Second).CanSee(FirstsDraft));

    [Fact]
    public void AVerifiedMemberSeesAndChangesItsOrganisationsApplications() =>
        Assert.True(Verified(Second).CanChange(FirstsDraft));

    [Fact]
    public void AMemberVerifiedForAnotherCreditCodeSeesNothing() =>
        Assert.False(new ApplicationAccess(Second, new(Membership.IdFor("second"), "second", "91110000600037341L", true, 5)).CanSee(FirstsDraft));

    [Fact]
    public void ARemovedMemberLosesEvenWhatItCreated() =>
        Assert.False(new ApplicationAccess(First, new(Membership.IdFor("first"), "first", Shenzhen, false, 9)).CanSee(FirstsDraft));

    [Fact]
    public void AnApplicantNeverReachesACitysApplicationWithItsCreditCode()
    {
        var city = Application("city-1", ApplicationCategory.City, Shenzhen, null);
        Assert.False(Verified(First).CanSee(city));
        Assert.True(new ApplicationAccess(TestUsers.CityAuthority with { Subject = "city-1" }, null).CanChange(city));
    }

    [Fact]
    public void ACityAuthorityNeverReachesAnApplicantsApplication() =>
        Assert.False(new ApplicationAccess(TestUsers.CityAuthority with { Subject = "first" }, null).CanSee(FirstsDraft));

    [Fact]
    public void AnUnverifiedApplicantCannotSubmit() =>
        Assert.Equal(ApplicationRules.OrganisationNotVerified, Unverified(First).SubmissionRefusal);

    [Fact]
    public void AVerifiedApplicantAndACityAuthorityMaySubmit()
    {
        Assert.Null(Verified(First).SubmissionRefusal);
        Assert.Null(new ApplicationAccess(TestUsers.CityAuthority, null).SubmissionRefusal);
    }

    // Registration's copy of the memberships: the newest fact wins, in any arrival order.
    [Fact]
    public void AVerificationIsKept() =>
        Assert.Equal([new MembershipReported("first", Shenzhen, true, 10, Now)],
            MembershipDecider.Decide(new ReportMembership("first", Shenzhen, true, 10), null, Now));

    [Fact]
    public void AVerificationOvertakenByItsRemovalChangesNothing() =>
        Assert.Empty(MembershipDecider.Decide(new ReportMembership("first", Shenzhen, true, 10), Known(removedAt: 20), Now));

    [Fact]
    public void TheSameMessageTwiceChangesNothing() =>
        Assert.Empty(MembershipDecider.Decide(new ReportMembership("first", Shenzhen, false, 20), Known(removedAt: 20), Now));

    [Fact]
    public void AVerificationAfterARemovalCounts() =>
        Assert.Single(MembershipDecider.Decide(new ReportMembership("first", Shenzhen, true, 30), Known(removedAt: 20), Now));

    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));

    static Membership Known(long removedAt) => new(Membership.IdFor("first"), "first", Shenzhen, false, removedAt);

    static ApplicationAccess Unverified(CurrentUser user) => new(user, null);

    static ApplicationAccess Verified(CurrentUser user) => new(user, new(Membership.IdFor(user.Subject), user.Subject, user.CreditCode!, true, 1));

    static ApplicationDetails Application(string owner, ApplicationCategory category, string creditCode, string? ownerOrganisation) =>
        new(Guid.CreateVersion7(), 1, Guid.CreateVersion7(), owner, category, "某单位", creditCode, "440300", ApplicationStatus.Draft,
            ApplicationForm.Empty, 0, null, [], null, 0, null, Now, Now, null, ownerOrganisation);
}
