using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<StampedFormUploadedConsumer>();
            bus.AddConsumer<ApplicationWithdrawnConsumer>();
            bus.AddConsumer<CampaignConsumer>();
        });
        builder.AddEventStore("reviewdb", options =>
        {
            options.Projections.LiveStreamAggregation<ReviewCase>();
            options.Projections.Add<ReviewCaseDetailsProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<ReviewCampaign>(SnapshotLifecycle.Inline);
            options.Projections.LiveStreamAggregation<CampaignIntake>();
            options.Projections.Snapshot<RecommendationList>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<RecommendationPackage>(SnapshotLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.AddScanArchive("reviewdb");
        builder.AddAuditTrail("reviewdb", history => history.DescribeReviewCases().DescribeReviewCampaigns()
            .DescribeRecommendations().DescribePackages());
    }
}
