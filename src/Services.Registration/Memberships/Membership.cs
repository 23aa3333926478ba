using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Memberships;

/// <summary>
/// Identity said where an account stands with its organisation: verified (<see cref="Verified"/>) or removed.
/// <see cref="Sequence"/> is the place of Identity's event in Identity's history (the relay's SM-Event-Sequence).
/// </summary>
public sealed record MembershipReported(string AccountSubject, string CreditCode, bool Verified, long Sequence, DateTimeOffset At);

/// <summary>
/// Registration's copy of one account's membership, from Identity's messages: the newest fact wins, whatever order the
/// messages arrive in. No document at all: Identity never said the account was verified (it may keep its own drafts).
/// </summary>
public sealed record Membership(Guid Id, string AccountSubject, string CreditCode, bool Verified, long Sequence)
{
    /// <summary>The stream (and document) of the membership of the account <paramref name="subject"/>.</summary>
    public static Guid IdFor(string subject) => StreamIds.For("membership", subject);

    public static Membership Create(MembershipReported e) => new(IdFor(e.AccountSubject), e.AccountSubject, e.CreditCode, e.Verified, e.Sequence);

    public Membership Apply(MembershipReported e) => this with { CreditCode = e.CreditCode, Verified = e.Verified, Sequence = e.Sequence };
}

/// <summary>What Identity reported, with the sequence of its event.</summary>
public sealed record ReportMembership(string AccountSubject, string CreditCode, bool Verified, long Sequence);

/// <summary>Keeps only facts newer than the newest one known: a duplicate or an overtaken message changes nothing.</summary>
public static class MembershipDecider
{
    public static object[] Decide(ReportMembership c, Membership? state, DateTimeOffset now) =>
        state is not null && c.Sequence <= state.Sequence
            ? []
            : [new MembershipReported(c.AccountSubject, c.CreditCode, c.Verified, c.Sequence, now)];
}
