using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An authority's package moved on: each of its applications shows the stage, once per application.</summary>
public sealed class PackageStageConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<RecommendationPackageStageReached>
{
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
