using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>What the auditors' history says of each account event (one place; a test fails for an event with none).</summary>
static class AccountHistory
{
    public static EventHistory DescribeAccounts(this EventHistory history) => history
        .Describe<AccountRegistered>(e => new($"注册账号 {e.UserName}（{e.Role}）", $"Account {e.UserName} registered ({e.Role})")
            { Account = e.AccountId.ToString(), Authority = e.AuthorityCode })
        .Describe<SignInSucceeded>(e => new("登录成功", "Signed in") { Account = e.AccountId.ToString() })
        .Describe<SignInFailed>(e => new($"登录失败（连续 {e.FailuresInARow} 次）", $"Sign-in failed ({e.FailuresInARow} in a row)") { Account = e.AccountId.ToString() })
        .Describe<AccountLockedOut>(e => new($"账号锁定至 {e.Until:u}", $"Account locked until {e.Until:u}") { Account = e.AccountId.ToString() })
        .Describe<SignInRefusedWhileLockedOut>(e => new("锁定期间拒绝登录", "Sign-in refused while locked out") { Account = e.AccountId.ToString() })
        .Describe<PasswordChanged>(e => new(e.ResetBy is null ? "修改密码" : $"密码由 {e.ResetBy} 重置", e.ResetBy is null ? "Password changed" : $"Password reset by {e.ResetBy}")
            { Account = e.AccountId.ToString() })
        .Describe<UnknownUserSignInFailed>(e => new($"未知用户名 {e.UserName} 登录失败", $"Sign-in failed for unknown user name {e.UserName}"));
}
