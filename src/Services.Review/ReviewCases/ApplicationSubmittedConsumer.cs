using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Opens a review case for each submitted application, once however often the message arrives.</summary>
public sealed class ApplicationSubmittedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationSubmitted>
{
    public async Task Consume(ConsumeContext<ApplicationSubmitted> context)
    {
        var m = context.Message;
        session.ContinueFrom(context);
        var command = new OpenReviewCase(m.ApplicationId, m.Version, m.Category, m.OrganisationName, m.CreditCode,
            m.AuthorityCode, m.SubmittedAt);
        await session.DecideAsync<ReviewCase>(m.ApplicationId, null,
            state => ReviewCaseDecider.Decide(command, state, clock.GetUtcNow()), context.CancellationToken);
    }
}
