using JasperFx.Events.Projections;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.Services.Registration.Applications;

namespace ServiceManufacturing.Services.Registration;

static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddMessaging();
        builder.AddEventStore("registrationdb", options =>
        {
            options.Projections.LiveStreamAggregation<Application>();
            options.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
    }
}
