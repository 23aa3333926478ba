using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using MessageHeaders = ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders;

namespace ServiceManufacturing.Services.Registration.Memberships;

/// <summary>
/// Identity's word on who is a verified member of which organisation becomes Registration's own copy. Idempotent and
/// right in any arrival order: each message carries its event's sequence, and only a newer fact than the one kept counts
/// (a removal that overtook the verification stays a removal).
/// </summary>
public sealed class MembershipConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<OrganisationMemberVerified>, IConsumer<OrganisationMemberRemoved>
{
    public Task Consume(ConsumeContext<OrganisationMemberVerified> context) =>
        ReportAsync(context, new ReportMembership(context.Message.AccountSubject, context.Message.CreditCode, true, SequenceOf(context)));

    public Task Consume(ConsumeContext<OrganisationMemberRemoved> context) =>
        ReportAsync(context, new ReportMembership(context.Message.AccountSubject, context.Message.CreditCode, false, SequenceOf(context)));

    async Task ReportAsync(ConsumeContext context, ReportMembership command)
    {
        session.ContinueFrom(context);
        await session.DecideAsync<Membership>(Membership.IdFor(command.AccountSubject), null,
            state => MembershipDecider.Decide(command, state, clock.GetUtcNow()), context.CancellationToken);
    }

    /// <summary>The sequence the relay put on the message; a message without one cannot be ordered and is refused.</summary>
    static long SequenceOf(ConsumeContext context) =>
        context.Headers.TryGetHeader(MessageHeaders.EventSequence, out var value) && value is not null
        && long.TryParse(value.ToString(), out var sequence)
            ? sequence
            : throw new InvalidOperationException($"The message has no {MessageHeaders.EventSequence} header.");
}
