using JasperFx.Events;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Identity.Organisations;
using Published = ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Identity;

/// <summary>What Identity tells the other services, mapped from its stored events: who is a verified member of which organisation.</summary>
sealed class IntegrationEvents : IIntegrationEventMap
{
    public object? ToMessage(IEvent @event) => @event.Data switch
    {
        OrganisationBindingApproved e => new Published.OrganisationMemberVerified(e.CreditCode, e.AccountId.ToString(), "binding-approved", e.ApprovedAt),
        OrganisationMemberInvited e => new Published.OrganisationMemberVerified(e.CreditCode, e.AccountId.ToString(), "invited", e.InvitedAt),
        OrganisationMemberRemoved e => new Published.OrganisationMemberRemoved(e.CreditCode, e.AccountId.ToString(), e.RemovedAt),
        _ => null,
    };
}
