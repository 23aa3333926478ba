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
        ApplicationSubmitted e => new Published.ApplicationSubmitted(e.ApplicationId, @event.Version, e.CampaignId, e.Category,
            Camel(e.Form.Platform?.Class?.ToString() ?? e.Form.City?.Class?.ToString()),
            Camel((e.Form.Enterprise?.ServiceMode ?? e.Form.Platform?.ServiceMode)?.ToString()),
            e.OrganisationName, e.CreditCode, e.AuthorityCode, e.Form.Contact?.Name, e.Form.Contact?.Phone, e.Warnings, e.ContentHash,
            e.SubmittedAt, e.Form.RelatedParties ?? []),
        ApplicationWithdrawn e => new Published.ApplicationWithdrawn(e.ApplicationId, e.WithdrawnAt),
        StampedFormUploaded e => new Published.StampedFormUploaded(e.ApplicationId, e.Sha256, e.UploadedAt),
        AuthorityContacts.ContactPersonReported e => new Published.ContactPersonReported(e.CampaignId, e.AuthorityCode, e.Name, e.Title,
            e.Phone, e.Fax, e.Email, e.ReportedAt),
        Campaigns.CampaignOpened e => new Published.CampaignOpened(e.CampaignId, e.Year, e.Batch, e.Name, e.EligibilityWindowStart,
            e.PlatformMinimumOperatingYears, e.EnterpriseServiceRevenueShare, e.Deadlines, e.Quotas, e.OpenedAt),
        Campaigns.CampaignClosed e => new Published.CampaignClosed(e.CampaignId, e.ClosedAt),
        Campaigns.DeadlineExceptionGranted e => new Published.DeadlineExceptionGranted(e.CampaignId, e.AuthorityCode, e.Deadline,
            e.Until, e.Reason, e.ApprovedBy, e.GrantedAt),
        _ => null,
    };

    static string? Camel(string? name) => name is null ? null : char.ToLowerInvariant(name[0]) + name[1..];
}
