using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Identity.Organisations;

namespace ServiceManufacturing.Tests.Identity;

public class OrganisationDeciderTests
{
    const string Code = "914403001922038216";
    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly Guid First = Guid.CreateVersion7(), Second = Guid.CreateVersion7(), Third = Guid.CreateVersion7();
    static readonly Guid FirstBinding = Guid.CreateVersion7(), SecondBinding = Guid.CreateVersion7();
    static readonly LicenceScan Scan = new(Guid.CreateVersion7(), "application/pdf", 1234, new string('a', 64));

    [Fact]
    public void AnAccountAsksToBeBoundWithItsLicenceScan() =>
        Given().When(Request(First, FirstBinding)).Then(Requested(First, FirstBinding) with { RequestedAt = Now });

    [Fact]
    public void AnAccountWaitingForItsAuthorityCannotAskAgain() =>
        Given(Requested(First, FirstBinding)).When(Request(First, SecondBinding)).ThenRefused(OrganisationRules.BindingPending);

    [Fact]
    public void AMemberDoesNotAskAgain() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding)).When(Request(First, SecondBinding))
            .ThenRefused(OrganisationRules.AlreadyMember);

    [Fact]
    public void TheAuthorityApprovesAPendingBinding() =>
        Given(Requested(First, FirstBinding)).When(new ApproveBinding(Code, FirstBinding, "authority-officer:shenzhen"))
            .Then(new OrganisationBindingApproved(FirstBinding, Code, First, "authority-officer:shenzhen", Now));

    [Fact]
    public void TheAuthorityRefusesSayingWhy() =>
        Given(Requested(First, FirstBinding)).When(new RefuseBinding(Code, FirstBinding, "执照上的名称与单位名称不符", "authority-officer:shenzhen"))
            .Then(new OrganisationBindingRefused(FirstBinding, Code, First, "执照上的名称与单位名称不符", "authority-officer:shenzhen", Now));

    [Fact]
    public void ADecidedBindingIsNotDecidedAgain() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding)).When(new RefuseBinding(Code, FirstBinding, "迟到的拒绝", "ministry-officer:1"))
            .ThenRefused(OrganisationRules.BindingDecided);

    [Fact]
    public void AnUnknownBindingIsNotFound() =>
        Given(Requested(First, FirstBinding)).When(new ApproveBinding(Code, SecondBinding, "ministry-officer:1"))
            .ThenRefused(OrganisationRules.BindingNotFound);

    [Fact]
    public void ARefusedAccountMayAskAgain() =>
        Given(Requested(First, FirstBinding), new OrganisationBindingRefused(FirstBinding, Code, First, "模糊", "officer", Now))
            .When(Request(First, SecondBinding)).Then(Requested(First, SecondBinding) with { RequestedAt = Now });

    [Fact]
    public void TheFirstVerifiedMemberInvitesAColleagueWhoNeedsNoSecondVerification() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding))
            .When(new InviteMember(Code, Second, "colleague", "王芳", First, "applicant:first"))
            .Then(new OrganisationMemberInvited(Code, Second, "colleague", "王芳", "applicant:first", Now));

    [Fact]
    public void ALaterMemberDoesNotInvite() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding), Invited(Second))
            .When(new InviteMember(Code, Third, "third", "赵六", Second, "applicant:second")).ThenRefused(OrganisationRules.AdministratorOnly);

    [Fact]
    public void AnAccountStillWaitingDoesNotInvite() =>
        Given(Requested(First, FirstBinding)).When(new InviteMember(Code, Third, "third", "赵六", First, "applicant:first"))
            .ThenRefused(OrganisationRules.AdministratorOnly);

    [Fact]
    public void WhenTheAdministratorLeavesTheNextMemberInvites() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding), Invited(Second), Removed(First))
            .When(new InviteMember(Code, Third, "third", "赵六", Second, "applicant:second")).Then(
                new OrganisationMemberInvited(Code, Third, "third", "赵六", "applicant:second", Now));

    [Fact]
    public void TheAdministratorRemovesAMember() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding), Invited(Second))
            .When(new RemoveMember(Code, Second, "离职", First, false, "applicant:first"))
            .Then(new OrganisationMemberRemoved(Code, Second, "离职", "applicant:first", Now));

    [Fact]
    public void AMemberLeavesByItself() =>
        Assert.Single(Given(Requested(First, FirstBinding), Approved(First, FirstBinding), Invited(Second))
            .When(new RemoveMember(Code, Second, null, Second, false, "applicant:second")).Decide());

    [Fact]
    public void AnotherMemberDoesNotRemove() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding), Invited(Second), Invited(Third))
            .When(new RemoveMember(Code, Third, null, Second, false, "applicant:second")).ThenRefused(OrganisationRules.AdministratorOnly);

    [Fact]
    public void TheAuthorityRemovesAnyMember() =>
        Assert.Single(Given(Requested(First, FirstBinding), Approved(First, FirstBinding))
            .When(new RemoveMember(Code, First, "执照已吊销", null, true, "authority-officer:shenzhen")).Decide());

    [Fact]
    public void OnlyAMemberIsRemoved() =>
        Given(Requested(First, FirstBinding), Approved(First, FirstBinding))
            .When(new RemoveMember(Code, Third, null, null, true, "ministry-officer:1")).ThenRefused(OrganisationRules.MemberNotFound);

    static RequestBinding Request(Guid account, Guid binding) =>
        new(Code, binding, account, "李明", "深圳某某智能制造有限公司", "440300", Scan, $"applicant:{account}");

    static OrganisationBindingRequested Requested(Guid account, Guid binding) =>
        new(binding, Code, account, "李明", "深圳某某智能制造有限公司", "440300", Scan, $"applicant:{account}", Now.AddDays(-2));

    static OrganisationBindingApproved Approved(Guid account, Guid binding) => new(binding, Code, account, "authority-officer:shenzhen", Now.AddDays(-1));

    static OrganisationMemberInvited Invited(Guid account) => new(Code, account, $"user-{account}", "王芳", "applicant:first", Now.AddHours(-5));

    static OrganisationMemberRemoved Removed(Guid account) => new(Code, account, null, "applicant:first", Now.AddHours(-1));

    static Scenario Given(params object[] events) => new(events.Aggregate((Organisation?)null, (state, e) => (state, e) switch
    {
        (null, OrganisationBindingRequested x) => Organisation.Create(x),
        (_, OrganisationBindingRequested x) => state!.Apply(x),
        (_, OrganisationBindingApproved x) => state!.Apply(x),
        (_, OrganisationBindingRefused x) => state!.Apply(x),
        (_, OrganisationMemberInvited x) => state!.Apply(x),
        (_, OrganisationMemberRemoved x) => state!.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(events)),
    }));

    sealed record Scenario(Organisation? State)
    {
        public Outcome When(OrganisationCommand command) => new(() => OrganisationDecider.Decide(command, State, Now));
    }

    sealed record Outcome(Func<object[]> Decide)
    {
        public void Then(params object[] expected) => Assert.Equivalent(expected, Decide(), strict: true);

        public void ThenRefused(Rule rule) => Assert.Equal(rule, Assert.Throws<RuleViolation>(() => Decide()).Rule);
    }
}
