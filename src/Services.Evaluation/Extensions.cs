using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Evaluation.Access;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Filings;
using ServiceManufacturing.Services.Evaluation.Memberships;
using ServiceManufacturing.Services.Evaluation.RosterImports;

namespace ServiceManufacturing.Services.Evaluation;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<DemonstrationSelectedConsumer>();
            bus.AddConsumer<CampaignConsumer>();
            bus.AddConsumer<MembershipConsumer>();
        });
        builder.AddEventStore("evaluationdb", options =>
        {
            options.Projections.LiveStreamAggregation<Demonstration>();
            options.Projections.Add<DemonstrationDetailsProjection>(ProjectionLifecycle.Inline);
            options.Projections.LiveStreamAggregation<RosterImport>();
            options.Projections.Snapshot<EvaluationCampaign>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<Membership>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<EvaluationFiling>(SnapshotLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.AddScanArchive("evaluationdb");
        builder.Services.AddScoped<EvaluationAccess>();
        builder.AddAuditTrail("evaluationdb", history => history.DescribeDemonstrations().DescribeEvaluationCampaigns()
            .DescribeFilings().DescribeMemberships().DescribeRosterImports());
    }
}
