using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>An account as the ministry and its owner see it (never the password hash).</summary>
/// <param name="Id">账号编号（令牌的 sub） / The account's id (the token's sub).</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="UserName">用户名（小写） / The user name (lower case).</param>
/// <param name="DisplayName">显示名称 / The name shown.</param>
/// <param name="Role">角色（令牌的 role） / The role (the token's role claim).</param>
/// <param name="AuthorityCode">推荐单位代码（推荐单位、城市主管部门） / The authority (authority officers and city authorities; the token's authority claim).</param>
/// <param name="CreditCode">统一社会信用代码（申报单位） / The unified social credit code (applicants; the token's credit_code claim).</param>
/// <param name="City">城市（城市主管部门） / The city (city authorities; the token's city claim).</param>
/// <param name="RegisteredAt">注册时间 / When it was registered.</param>
/// <param name="LastSignInAt">最近登录时间 / When it last signed in.</param>
/// <param name="LockedUntil">连续登录失败后锁定至 / Locked after failed sign-ins until then.</param>
public sealed record AccountDetails(
    Guid Id,
    long Version,
    string UserName,
    string DisplayName,
    [property: OneOf(typeof(PlatformRoles), nameof(PlatformRoles.All))] string Role,
    string? AuthorityCode,
    string? CreditCode,
    string? City,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil)
{
    /// <summary>The claims of this account's tokens.</summary>
    public CurrentUser ToUser() => new(Id.ToString(), DisplayName, Role, AuthorityCode, CreditCode, City);
}

/// <summary>Keeps <see cref="AccountDetails"/> in step with each account's stream; user names are unique.</summary>
public sealed class AccountDetailsProjection : SingleStreamProjection<AccountDetails, Guid>
{
    public static AccountDetails Create(IEvent<AccountRegistered> e) => new(e.Data.AccountId, e.Version, e.Data.UserName,
        e.Data.DisplayName, e.Data.Role, e.Data.AuthorityCode, e.Data.CreditCode, e.Data.City, e.Data.RegisteredAt, null, null);

    public static AccountDetails Apply(IEvent<SignInSucceeded> e, AccountDetails d) =>
        d with { Version = e.Version, LastSignInAt = e.Data.At, LockedUntil = null };

    public static AccountDetails Apply(IEvent<SignInFailed> e, AccountDetails d) => d with { Version = e.Version };

    public static AccountDetails Apply(IEvent<AccountLockedOut> e, AccountDetails d) =>
        d with { Version = e.Version, LockedUntil = e.Data.Until };

    public static AccountDetails Apply(IEvent<SignInRefusedWhileLockedOut> e, AccountDetails d) => d with { Version = e.Version };

    public static AccountDetails Apply(IEvent<PasswordChanged> e, AccountDetails d) =>
        d with { Version = e.Version, LockedUntil = null };
}
