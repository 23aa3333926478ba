using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// Review's word on an application becomes part of the application's own history, so the applicant sees it: one
/// application's stage, or an authority's package reaching a stage for all its applications (each message once per
/// application; the stage's sequence in Review's history decides where the application stands, whatever the order).
/// </summary>
public sealed class ReviewStageConsumer(IDocumentSession session, TimeProvider clock)
    : IConsumer<ApplicationReviewStageReached>, IConsumer<RecommendationPackageStageReached>
{
    public Task Consume(ConsumeContext<ApplicationReviewStageReached> context)
    {
        var m = context.Message;
        var command = new ReportReviewStage(m.ApplicationId, m.Stage, m.Reason, context.MessageId ?? Guid.Empty, m.At, m.Sequence);
        return session.ApplyOnceAsync<Application>(context, m.ApplicationId,
            state => ApplicationDecider.Decide(command, state, clock.GetUtcNow()));
    }

    public async Task Consume(ConsumeContext<RecommendationPackageStageReached> context)
    {
        var m = context.Message;
        foreach (var applicationId in m.ApplicationIds)
        {
            var command = new ReportReviewStage(applicationId, m.Stage, null, context.MessageId ?? Guid.Empty, m.At, m.Sequence);
            await session.AppendOnceAsync<Application>(context, applicationId,
                state => ApplicationDecider.Decide(command, state, clock.GetUtcNow()));
        }
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
