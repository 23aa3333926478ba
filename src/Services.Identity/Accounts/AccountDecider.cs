using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Identity.Accounts;

public abstract record AccountCommand(Guid AccountId);

public sealed record RegisterAccount(
    Guid AccountId, string UserName, string DisplayName, string Role, string? AuthorityCode, string? CreditCode,
    string? City, string PasswordHash, string? RegisteredBy) : AccountCommand(AccountId);

/// <summary>A sign-in attempt; the password was checked against the stored hash before deciding.</summary>
public sealed record SignIn(Guid AccountId, bool PasswordMatches) : AccountCommand(AccountId);

/// <summary>A new password (already hashed); <see cref="ResetBy"/> names the ministry officer who reset it.</summary>
public sealed record ChangePassword(Guid AccountId, bool CurrentPasswordMatches, string NewPasswordHash, string? ResetBy)
    : AccountCommand(AccountId);

/// <summary>The lockout policy: how many wrong passwords in a row, and for how long.</summary>
public sealed record LockoutPolicy(int MaxFailuresInARow, TimeSpan Duration)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}

public static class AccountRules
{
    public static readonly Rule NotFound = Rule.NotFound("account-not-found", "账号不存在。", "The account does not exist.");
    public static readonly Rule UserNameTaken = Rule.Conflict("user-name-taken",
        "该用户名已被使用。", "This user name is already taken.");
    public static readonly Rule WrongPassword = new("wrong-password", 400,
        "当前密码不正确。", "The current password is wrong.");
}

/// <summary>Decides what an account command means, given the account's state, the time and the lockout policy.</summary>
public static class AccountDecider
{
    public static object[] Decide(AccountCommand command, Account? state, DateTimeOffset now, LockoutPolicy lockout) => command switch
    {
        RegisterAccount c when state is null => [new AccountRegistered(c.AccountId, c.UserName, c.DisplayName, c.Role,
            c.AuthorityCode, c.CreditCode, c.City, c.PasswordHash, c.RegisteredBy, now)],
        RegisterAccount => throw new RuleViolation(AccountRules.UserNameTaken),
        _ when state is null => throw new RuleViolation(AccountRules.NotFound),
        SignIn when state.IsLockedOut(now) => [new SignInRefusedWhileLockedOut(state.Id, now)],
        SignIn { PasswordMatches: true } => [new SignInSucceeded(state.Id, now)],
        SignIn when state.FailuresInARow + 1 >= lockout.MaxFailuresInARow =>
            [new SignInFailed(state.Id, state.FailuresInARow + 1, now), new AccountLockedOut(state.Id, now + lockout.Duration, now)],
        SignIn => [new SignInFailed(state.Id, state.FailuresInARow + 1, now)],
        ChangePassword { ResetBy: null, CurrentPasswordMatches: false } => throw new RuleViolation(AccountRules.WrongPassword),
        ChangePassword c => [new PasswordChanged(state.Id, c.NewPasswordHash, c.ResetBy, now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown account command."),
    };

    /// <summary>Whether a sign-in decided as <paramref name="events"/> let the user in.</summary>
    public static bool SignedIn(object[] events) => events is [SignInSucceeded];
}
