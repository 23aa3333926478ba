using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Identity.Experts;
using ServiceManufacturing.Services.Identity.Organisations;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Identity;

/// <summary>What Identity tells the other services, mapped from its stored events: who is a verified member of which organisation, and the experts' profiles.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        OrganisationBindingApproved e => new Published.OrganisationMemberVerified(e.CreditCode, e.AccountId.ToString(), "binding-approved", e.ApprovedAt),
        OrganisationMemberInvited e => new Published.OrganisationMemberVerified(e.CreditCode, e.AccountId.ToString(), "invited", e.InvitedAt),
        OrganisationMemberRemoved e => new Published.OrganisationMemberRemoved(e.CreditCode, e.AccountId.ToString(), e.RemovedAt),
        ExpertProfileRecorded e => new Published.ExpertProfileChanged(e.AccountId.ToString(), e.Name, e.Organisation, e.CreditCode,
            e.AuthorityCode, e.ServiceModes, e.CityClasses, e.AvailableDates, e.Active, e.ChangedAt, @event.Sequence),
        _ => null,
    };
}
