using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation;

/// <summary>What Evaluation tells the other services, mapped from its stored events.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        DemonstrationEnrolled e => new Published.DemonstrationEnrolled(e.DemonstrationId, e.Batch, e.Category, e.Name,
            e.CreditCode, e.AuthorityCode, e.EnrolledAt),
        _ => null,
    };
}
