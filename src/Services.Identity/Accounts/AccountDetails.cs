using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>An account as the ministry and its owner see it (never the password hash).</summary>
public sealed record AccountDetails(
    Guid Id,
    long Version,
    string UserName,
    string DisplayName,
    string Role,
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
