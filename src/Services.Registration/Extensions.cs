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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemResponses();
        builder.Services.AddOpenApi();
        builder.AddMessaging();
        builder.AddEventStore("registration", options =>
        {
            options.Projections.LiveStreamAggregation<Application>();
            options.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
        }).AddIntegrationEventRelay<IntegrationEvents>();
    }
}
