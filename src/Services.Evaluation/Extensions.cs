using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging();
        builder.AddEventStore("evaluationdb", options =>
        {
            options.Projections.LiveStreamAggregation<Demonstration>();
            options.Projections.Add<DemonstrationDetailsProjection>(ProjectionLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
        builder.AddAuditTrail("evaluationdb", history => history.DescribeDemonstrations());
    }
}
