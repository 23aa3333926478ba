using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.AuthorityContacts;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Registration.Memberships;
using ServiceManufacturing.Services.Registration.Roster;

namespace ServiceManufacturing.Services.Registration;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<DemonstrationEnrolledConsumer>();
            bus.AddConsumer<ReviewStageConsumer>();
            bus.AddConsumer<MembershipConsumer>();
        });
        builder.AddEventStore("registrationdb", options =>
        {
            options.Projections.LiveStreamAggregation<Application>();
            options.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<Campaign>(SnapshotLifecycle.Inline);
            options.Projections.LiveStreamAggregation<RosterEntry>();
            options.Projections.Add<EarlierDemonstrationProjection>(ProjectionLifecycle.Inline);
            options.Projections.LiveStreamAggregation<CityApplicationSlot>();
            options.Projections.Add<AuthorityContactProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<Membership>(SnapshotLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.Services.AddHostedService<CampaignSeeding>();
        builder.AddScanArchive("registrationdb");
        builder.AddDocumentLinks();
        builder.AddAuditTrail("registrationdb", history => history.DescribeApplications().DescribeCampaigns()
            .DescribeAuthorityContacts().DescribeMemberships().DescribeRoster());
    }
}
