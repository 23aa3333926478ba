using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Registration.Applications;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration;

/// <summary>What Registration tells the other services, mapped from its stored events.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        ApplicationSubmitted e => new Published.ApplicationSubmitted(e.ApplicationId, @event.Version, e.Category,
            e.OrganisationName, e.CreditCode, e.AuthorityCode, e.SubmittedAt),
        _ => null,
    };
}
