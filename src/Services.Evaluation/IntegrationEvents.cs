using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation;

/// <summary>What Evaluation tells the other services, mapped from its stored events.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        DemonstrationEnrolled e => new Published.DemonstrationEnrolled(e.DemonstrationId, e.Batch, e.Category, e.Name,
            e.CreditCode, e.AuthorityCode, e.EnrolledAt),
        // A correction is told as the enrolment as it now stands (Registration's copy keeps the newest).
        DemonstrationCorrected e => new Published.DemonstrationEnrolled(e.DemonstrationId, e.Batch, e.Category, e.Name,
            e.CreditCode, e.AuthorityCode, e.At),
        DemonstrationWithdrawn e => new Published.DemonstrationWithdrawn(e.DemonstrationId, e.Batch, e.Category, e.Name, e.CreditCode,
            e.AuthorityCode, e.Reason, e.At),
        DemonstrationOutcomeRecorded e => new Published.DemonstrationEvaluated(e.DemonstrationId, e.Batch, e.Category, e.Name, e.CreditCode,
            e.AuthorityCode, e.Outcome, e.Reasons, e.RectificationDue, e.At),
        CannotFileExplained e => new Published.EvaluationExplanationFiled(e.DemonstrationId, e.CampaignId, e.AuthorityCode, e.Batch, e.Category,
            e.Name, e.CreditCode, e.Status, e.StatusDate, e.Reason, e.Document.Sha256, e.FiledBy, e.At, e.Document.DocumentId,
            ExplanationsApi.DocumentPath(e.DemonstrationId, e.CampaignId, e.Document.DocumentId)),
        _ => null,
    };
}
