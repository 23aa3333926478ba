using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Packages;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;

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
            bus.AddConsumer<EvaluationExplanationConsumer>();
            bus.AddConsumer<ExpertProfileConsumer>();
        });
        builder.AddEventStore("reviewdb", options =>
        {
            options.Projections.LiveStreamAggregation<ReviewCase>();
            options.Projections.Add<ReviewCaseDetailsProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<ReviewCampaign>(SnapshotLifecycle.Inline);
            options.Projections.LiveStreamAggregation<CampaignIntake>();
            options.Projections.Snapshot<RecommendationList>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<RecommendationPackage>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<EvaluationExplanation>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<SiteVisit>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<ExpertDay>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<Candidacy>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<FinalList>(SnapshotLifecycle.Inline);
            options.Projections.Add<ExpertReviewVerdictProjection>(ProjectionLifecycle.Inline);
            options.Projections.LiveStreamAggregation<ExpertProfileIntake>();
            options.Projections.Add<ExpertProfileProjection>(ProjectionLifecycle.Inline);
            options.Projections.LiveStreamAggregation<ExpertReviewSettings>();
            options.Projections.LiveStreamAggregation<AssignmentBoard>();
            options.Projections.LiveStreamAggregation<ExpertPanel>();
            options.Projections.Add<ExpertPanelViewProjection>(ProjectionLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.AddScanArchive("reviewdb");
        builder.AddDocumentLinks();
        builder.AddAuditTrail("reviewdb", history => history.DescribeReviewCases().DescribeReviewCampaigns()
            .DescribeRecommendations().DescribePackages().DescribeExpertReview().DescribeSelection().DescribeVisits());
    }
}
