namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>What the decider needs to know of an account: built from its stream, never mutated.</summary>
public sealed record Account(
    Guid Id, string UserName, string Role, string PasswordHash, int FailuresInARow, DateTimeOffset? LockedUntil)
{
    public static Account Create(AccountRegistered e) => new(e.AccountId, e.UserName, e.Role, e.PasswordHash, 0, null);

    public Account Apply(SignInSucceeded e) => this with { FailuresInARow = 0, LockedUntil = null };

    public Account Apply(SignInFailed e) => this with { FailuresInARow = e.FailuresInARow };

    public Account Apply(AccountLockedOut e) => this with { LockedUntil = e.Until, FailuresInARow = 0 };

    public Account Apply(SignInRefusedWhileLockedOut e) => this;

    public Account Apply(PasswordChanged e) => this with { PasswordHash = e.PasswordHash, FailuresInARow = 0, LockedUntil = null };

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}
