using Marten;
using Microsoft.AspNetCore.Identity;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>A sign-in with a user name nobody has; kept as its own record, like every failed sign-in.</summary>
public sealed record UnknownUserSignInFailed(string UserName, DateTimeOffset At);

/// <summary>What an unknown user name's failed sign-in is kept as.</summary>
public sealed record SignInRecord(Guid Id);

/// <summary>
/// Registration, sign-in and password changes: the password is hashed (salted PBKDF2, ASP.NET Core Identity's
/// hasher) and checked here, then the account decider decides on the result.
/// </summary>
public sealed class AccountOperations(IDocumentSession session, IPasswordHasher<AccountDetails> hasher, TimeProvider clock)
{
    // Checked when the user name is unknown, so that a wrong name takes as long as a wrong password.
    static readonly string DecoyHash = new PasswordHasher<AccountDetails>().HashPassword(null!, Guid.NewGuid().ToString());

    public LockoutPolicy Lockout { get; init; } = LockoutPolicy.Default;

    public Task<AccountDetails?> FindAsync(string userName, CancellationToken ct) =>
        session.Query<AccountDetails>().FirstOrDefaultAsync(a => a.UserName == AccountValidation.Normalize(userName), ct);

    public async Task<Guid> RegisterAsync(RegisterAccountRequest request, string role, string? registeredBy, CancellationToken ct)
    {
        if (await FindAsync(request.UserName!, ct) is not null) throw new RuleViolation(AccountRules.UserNameTaken);
        var command = new RegisterAccount(Guid.CreateVersion7(), AccountValidation.Normalize(request.UserName!),
            request.DisplayName!.Trim(), role, request.AuthorityCode, request.CreditCode, request.City,
            hasher.HashPassword(null!, request.Password!), registeredBy);
        await session.DecideAsync<Account>(command.AccountId, null,
            state => AccountDecider.Decide(command, state, clock.GetUtcNow(), Lockout), ct);
        return command.AccountId;
    }

    /// <summary>
    /// Decides a new account and adds its stream to the session without saving, so that it is saved together with what
    /// else the session holds (an invitation: the account and its membership, or neither). Its id.
    /// </summary>
    public async Task<Guid> StageRegistrationAsync(RegisterAccountRequest request, string role, string? registeredBy, CancellationToken ct)
    {
        if (await FindAsync(request.UserName!, ct) is not null) throw new RuleViolation(AccountRules.UserNameTaken);
        var command = new RegisterAccount(Guid.CreateVersion7(), AccountValidation.Normalize(request.UserName!),
            request.DisplayName!.Trim(), role, request.AuthorityCode, request.CreditCode, request.City,
            hasher.HashPassword(null!, request.Password!), registeredBy);
        session.Events.StartStream<Account>(command.AccountId, AccountDecider.Decide(command, null, clock.GetUtcNow(), Lockout));
        return command.AccountId;
    }

    /// <summary>The account, when the password is right and the account is not locked out; every attempt is recorded.</summary>
    public async Task<AccountDetails?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var account = await FindAsync(userName, ct);
        if (account is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, password);
            session.Events.StartStream<SignInRecord>(Guid.CreateVersion7(),
                new UnknownUserSignInFailed(userName.Trim(), clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
            return null;
        }
        var signedIn = false;
        await session.DecideAsync<Account>(account.Id, null, state =>
        {
            var matches = state is not null && hasher.VerifyHashedPassword(null!, state.PasswordHash, password) != PasswordVerificationResult.Failed;
            var events = AccountDecider.Decide(new SignIn(account.Id, matches), state, clock.GetUtcNow(), Lockout);
            signedIn = AccountDecider.SignedIn(events);
            return events;
        }, ct);
        return signedIn ? account : null;
    }

    /// <summary>The user's own change (the current password must match), or a ministry officer's reset.</summary>
    public Task ChangePasswordAsync(Guid accountId, string? currentPassword, string newPassword, string? resetBy, CancellationToken ct) =>
        session.DecideAsync<Account>(accountId, null, state =>
        {
            var matches = state is not null && currentPassword is not null
                && hasher.VerifyHashedPassword(null!, state.PasswordHash, currentPassword) != PasswordVerificationResult.Failed;
            return AccountDecider.Decide(new ChangePassword(accountId, matches, hasher.HashPassword(null!, newPassword), resetBy),
                state, clock.GetUtcNow(), Lockout);
        }, ct);
}
