using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using MessageHeaders = ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders;

namespace ServiceManufacturing.Services.Evaluation.Memberships;

/// <summary>
/// Identity said where an account stands with its organisation: verified or removed. <see cref="Sequence"/> is the place
/// of Identity's event in Identity's history (the relay's SM-Event-Sequence).
/// </summary>
public sealed record MembershipReported(string AccountSubject, string CreditCode, bool Verified, long Sequence, DateTimeOffset At);

/// <summary>
/// Evaluation's own copy of one account's membership, from Identity's messages (as Registration keeps one): the newest
/// fact wins, whatever order the messages arrive in. No document: the account is no verified member of anything.
/// </summary>
public sealed record Membership(Guid Id, string AccountSubject, string CreditCode, bool Verified, long Sequence)
{
    public static Guid IdFor(string subject) => StreamIds.For("membership", subject);

    public static Membership Create(MembershipReported e) => new(IdFor(e.AccountSubject), e.AccountSubject, e.CreditCode, e.Verified, e.Sequence);

    public Membership Apply(MembershipReported e) => this with { CreditCode = e.CreditCode, Verified = e.Verified, Sequence = e.Sequence };

    /// <summary>Whether the account is a verified member of the organisation with <paramref name="creditCode"/>.</summary>
    public bool VerifiedMemberOf(string? creditCode) => Verified && creditCode is not null && CreditCode == creditCode;
}

/// <summary>Keeps only facts newer than the newest one known: a duplicate or an overtaken message changes nothing.</summary>
public static class MembershipDecider
{
    public static object[] Decide(string subject, string creditCode, bool verified, long sequence, Membership? state, DateTimeOffset now) =>
        state is not null && sequence <= state.Sequence ? [] : [new MembershipReported(subject, creditCode, verified, sequence, now)];
}

/// <summary>Identity's word on who is a verified member of which organisation (each message once: the consumers' rule).</summary>
public sealed class MembershipConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<OrganisationMemberVerified>, IConsumer<OrganisationMemberRemoved>
{
    public Task Consume(ConsumeContext<OrganisationMemberVerified> context) =>
        ReportAsync(context, context.Message.AccountSubject, context.Message.CreditCode, true);

    public Task Consume(ConsumeContext<OrganisationMemberRemoved> context) =>
        ReportAsync(context, context.Message.AccountSubject, context.Message.CreditCode, false);

    Task ReportAsync(ConsumeContext context, string subject, string creditCode, bool verified)
    {
        var sequence = context.EventSequence() is > 0 and var s ? s
            : throw new InvalidOperationException($"The message has no {MessageHeaders.EventSequence} header.");
        return session.ApplyOnceAsync<Membership>(context, Membership.IdFor(subject),
            state => MembershipDecider.Decide(subject, creditCode, verified, sequence, state, clock.GetUtcNow()));
    }
}
