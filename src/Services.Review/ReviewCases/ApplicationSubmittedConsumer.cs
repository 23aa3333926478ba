using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>Opens a review case for each submitted application (a new round after a return).</summary>
public sealed class ApplicationSubmittedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationSubmitted>
{
    public Task Consume(ConsumeContext<ApplicationSubmitted> context) =>
        session.ApplyOnceAsync<ReviewCase>(context, context.Message.ApplicationId,
            state => ReviewCaseDecider.Decide(new OpenReviewCase(context.Message), state, clock.GetUtcNow()));
}

/// <summary>Notes the applicant's stamped form on its case (the latest upload, in Registration's order).</summary>
public sealed class StampedFormUploadedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<StampedFormUploaded>
{
    public Task Consume(ConsumeContext<StampedFormUploaded> context) =>
        session.ApplyOnceAsync<ReviewCase>(context, context.Message.ApplicationId, state => ReviewCaseDecider.Decide(
            new ReceiveStampedForm(context.Message.ApplicationId, context.Message.Sha256, context.EventSequence()), state, clock.GetUtcNow()));
}

/// <summary>Closes the case of a withdrawn application, even one whose submission has not arrived yet.</summary>
public sealed class ApplicationWithdrawnConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ApplicationWithdrawn>
{
    public Task Consume(ConsumeContext<ApplicationWithdrawn> context) =>
        session.ApplyOnceAsync<ReviewCase>(context, context.Message.ApplicationId, state => ReviewCaseDecider.Decide(
            new WithdrawReviewCase(context.Message.ApplicationId), state, clock.GetUtcNow()));
}
