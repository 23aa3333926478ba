using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Opens a review case for each submitted application (a new round after a return), once however often the message arrives.</summary>
public sealed class ApplicationSubmittedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationSubmitted>
{
    public async Task Consume(ConsumeContext<ApplicationSubmitted> context)
    {
        session.ContinueFrom(context);
        await session.DecideAsync<ReviewCase>(context.Message.ApplicationId, null,
            state => ReviewCaseDecider.Decide(new OpenReviewCase(context.Message), state, clock.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>Notes the applicant's stamped form on its case, once.</summary>
public sealed class StampedFormUploadedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<StampedFormUploaded>
{
    public async Task Consume(ConsumeContext<StampedFormUploaded> context)
    {
        session.ContinueFrom(context);
        await session.DecideAsync<ReviewCase>(context.Message.ApplicationId, null, state => ReviewCaseDecider.Decide(
            new ReceiveStampedForm(context.Message.ApplicationId, context.Message.Sha256), state, clock.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>Closes the case of a withdrawn application, once: no decision or recommendation follows.</summary>
public sealed class ApplicationWithdrawnConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationWithdrawn>
{
    public async Task Consume(ConsumeContext<ApplicationWithdrawn> context)
    {
        session.ContinueFrom(context);
        await session.DecideAsync<ReviewCase>(context.Message.ApplicationId, null, state => ReviewCaseDecider.Decide(
            new WithdrawReviewCase(context.Message.ApplicationId), state, clock.GetUtcNow()), context.CancellationToken);
    }
}
