using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>Review's word on an application becomes part of the application's own history, so the applicant sees it.</summary>
public sealed class ReviewStageConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationReviewStageReached>
{
    public async Task Consume(ConsumeContext<ApplicationReviewStageReached> context)
    {
        var m = context.Message;
        session.ContinueFrom(context);
        var command = new ReportReviewStage(m.ApplicationId, m.Stage, m.Reason, context.MessageId ?? Guid.Empty, m.At, m.Sequence);
        await session.DecideAsync<Application>(m.ApplicationId, null,
            state => ApplicationDecider.Decide(command, state, clock.GetUtcNow()), context.CancellationToken);
    }
}
