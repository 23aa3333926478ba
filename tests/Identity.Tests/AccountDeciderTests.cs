using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;

namespace ServiceManufacturing.Tests.Identity;

public class AccountDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 5, 31, 23, 0, 0, TimeSpan.FromHours(8));
    static readonly LockoutPolicy Lockout = new(5, TimeSpan.FromMinutes(15));
    static readonly AccountRegistered Registered = new(Id, "officer.hebei", "河北省工业和信息化厅", PlatformRoles.AuthorityOfficer,
        "130000", null, null, "hash-1", "ministry-1", Now.AddDays(-30));

    [Fact]
    public void TheRightPasswordSignsIn() =>
        Assert.Equal([new SignInSucceeded(Id, Now)], Decide(new SignIn(Id, PasswordMatches: true), Registered));

    [Fact]
    public void AWrongPasswordCountsTowardsTheLockout() =>
        Assert.Equal([new SignInFailed(Id, 3, Now)], Decide(new SignIn(Id, false), Registered, Failed(1), Failed(2)));

    [Fact]
    public void TheFifthWrongPasswordInARowLocksTheAccountForFifteenMinutes() =>
        Assert.Equal([new SignInFailed(Id, 5, Now), new AccountLockedOut(Id, Now.AddMinutes(15), Now)],
            Decide(new SignIn(Id, false), Registered, Failed(1), Failed(2), Failed(3), Failed(4)));

    [Fact]
    public void ALockedAccountRefusesEvenTheRightPassword() =>
        Assert.Equal([new SignInRefusedWhileLockedOut(Id, Now)],
            Decide(new SignIn(Id, true), Registered, new AccountLockedOut(Id, Now.AddMinutes(1), Now.AddMinutes(-14))));

    [Fact]
    public void AfterTheLockoutTheRightPasswordSignsInAgain() =>
        Assert.Equal([new SignInSucceeded(Id, Now)],
            Decide(new SignIn(Id, true), Registered, new AccountLockedOut(Id, Now.AddMinutes(-1), Now.AddMinutes(-16))));

    [Fact]
    public void ASuccessfulSignInResetsTheCount() =>
        Assert.Equal([new SignInFailed(Id, 1, Now)], Decide(new SignIn(Id, false), Registered, Failed(4), new SignInSucceeded(Id, Now)));

    [Fact]
    public void ChangingOnesOwnPasswordNeedsTheCurrentOne() =>
        Assert.Equal(AccountRules.WrongPassword, Assert.Throws<RuleViolation>(() =>
            Decide(new ChangePassword(Id, CurrentPasswordMatches: false, "hash-2", ResetBy: null), Registered)).Rule);

    [Fact]
    public void AMinistryResetNeedsNoCurrentPasswordAndNamesWhoResetIt() =>
        Assert.Equal([new PasswordChanged(Id, "hash-2", "ministry-1", Now)],
            Decide(new ChangePassword(Id, false, "hash-2", "ministry-1"), Registered));

    [Fact]
    public void AUserNameIsRegisteredOnce() =>
        Assert.Equal(AccountRules.UserNameTaken, Assert.Throws<RuleViolation>(() => Decide(new RegisterAccount(Id, "officer.hebei",
            "x", PlatformRoles.Expert, null, null, null, "hash", null), Registered)).Rule);

    static SignInFailed Failed(int inARow) => new(Id, inARow, Now.AddMinutes(-10 + inARow));

    static object[] Decide(AccountCommand command, params object[] history)
    {
        Account? state = null;
        foreach (var e in history)
            state = e switch
            {
                AccountRegistered r => Account.Create(r),
                SignInSucceeded s => state!.Apply(s),
                SignInFailed f => state!.Apply(f),
                AccountLockedOut l => state!.Apply(l),
                PasswordChanged p => state!.Apply(p),
                _ => throw new ArgumentOutOfRangeException(nameof(history)),
            };
        return AccountDecider.Decide(command, state, Now, Lockout);
    }
}
