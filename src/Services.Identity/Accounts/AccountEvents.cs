namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>
/// An account came to be: an applicant registered itself, or the ministry created an officer, expert, auditor or
/// city authority account. Only the password's salted PBKDF2 hash is ever stored.
/// </summary>
public sealed record AccountRegistered(
    Guid AccountId,
    string UserName,
    string DisplayName,
    string Role,
    string? AuthorityCode,
    string? CreditCode,
    string? City,
    string PasswordHash,
    string? RegisteredBy,
    DateTimeOffset RegisteredAt);

public sealed record SignInSucceeded(Guid AccountId, DateTimeOffset At);

/// <summary>A wrong password; <see cref="FailuresInARow"/> counts towards the lockout.</summary>
public sealed record SignInFailed(Guid AccountId, int FailuresInARow, DateTimeOffset At);

/// <summary>Too many wrong passwords in a row: no sign-in until <see cref="Until"/>.</summary>
public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset Until, DateTimeOffset At);

/// <summary>A sign-in was tried while the account was locked out; refused whatever the password.</summary>
public sealed record SignInRefusedWhileLockedOut(Guid AccountId, DateTimeOffset At);

/// <summary>The user changed their password, or a ministry officer reset it (<see cref="ResetBy"/>).</summary>
public sealed record PasswordChanged(Guid AccountId, string PasswordHash, string? ResetBy, DateTimeOffset At);
