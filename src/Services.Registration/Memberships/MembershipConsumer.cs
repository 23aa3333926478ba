using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using MessageHeaders = ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders;

namespace ServiceManufacturing.Services.Registration.Memberships;

/// <summary>
/// Identity's word on who is a verified member of which organisation becomes Registration's own copy. Idempotent and
/// right in any arrival order: each message carries its event's sequence, and only a newer fact than the one kept counts
/// (a removal that overtook the verification stays a removal); a repeat is skipped by the one rule (ApplyOnceAsync).
/// </summary>
public sealed class MembershipConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<OrganisationMemberVerified>, IConsumer<OrganisationMemberRemoved>
{
    public Task Consume(ConsumeContext<OrganisationMemberVerified> context) =>
        ReportAsync(context, new ReportMembership(context.Message.AccountSubject, context.Message.CreditCode, true, SequenceOf(context)));

    public Task Consume(ConsumeContext<OrganisationMemberRemoved> context) =>
        ReportAsync(context, new ReportMembership(context.Message.AccountSubject, context.Message.CreditCode, false, SequenceOf(context)));

    Task ReportAsync(ConsumeContext context, ReportMembership command) =>
        session.ApplyOnceAsync<Membership>(context, Membership.IdFor(command.AccountSubject),
            state => MembershipDecider.Decide(command, state, clock.GetUtcNow()));

    /// <summary>The sequence the relay put on the message; a message without one cannot be ordered and is refused.</summary>
    static long SequenceOf(ConsumeContext context) => context.EventSequence() is > 0 and var sequence
        ? sequence
        : throw new InvalidOperationException($"The message has no {MessageHeaders.EventSequence} header.");
}
