using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// Review's word on an application becomes part of the application's own history, so the applicant sees it: one
/// application's stage, or an authority's package reaching a stage for all its applications (once per application).
/// </summary>
public sealed class ReviewStageConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<ApplicationReviewStageReached>, IConsumer<RecommendationPackageStageReached>
{
    public async Task Consume(ConsumeContext<ApplicationReviewStageReached> context)
    {
        var m = context.Message;
        session.ContinueFrom(context);
        var command = new ReportReviewStage(m.ApplicationId, m.Stage, m.Reason, context.MessageId ?? Guid.Empty, m.At, m.Sequence);
        await session.DecideAsync<Application>(m.ApplicationId, null,
            state => ApplicationDecider.Decide(command, state, clock.GetUtcNow()), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<RecommendationPackageStageReached> context)
    {
        var m = context.Message;
        session.ContinueFrom(context);
        foreach (var applicationId in m.ApplicationIds)
        {
            // One message, many streams: each application remembers this message under an id of its own.
            var messageId = StreamIds.For(context.MessageId.ToString()!, applicationId.ToString());
            var stream = await session.Events.FetchForWriting<Application>(applicationId, context.CancellationToken);
            var events = ApplicationDecider.Decide(new ReportReviewStage(applicationId, m.Stage, null, messageId, m.At, m.Sequence), stream.Aggregate, clock.GetUtcNow());
            stream.AppendMany(events);
        }
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
