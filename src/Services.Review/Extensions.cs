using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging(bus => bus.AddConsumer<ApplicationSubmittedConsumer>());
        builder.AddEventStore("reviewdb", options =>
        {
            options.Projections.LiveStreamAggregation<ReviewCase>();
            options.Projections.Add<ReviewCaseDetailsProjection>(ProjectionLifecycle.Inline);
        });
    }
}
