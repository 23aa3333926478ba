using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>The service's audit trail: its history projection, its hash chain's verification, its projections' rebuild.</summary>
public sealed class AuditTrail(string service, EventHistory history, NpgsqlDataSource database, NpgsqlDataSource owner, IDocumentStore store)
{
    /// <summary>The service's name in paths and entries: registration, review, evaluation, identity.</summary>
    public string Service => service;

    public EventHistory History => history;

    public Task<ChainVerification> VerifyAsync(Guid? streamId, CancellationToken ct) =>
        EventChain.VerifyAsync(database, store.Options.Events.DatabaseSchemaName, service, streamId, ct);

    /// <summary>Anchors the chain's newest link (<see cref="ChainAnchor"/>); its sequence, or null when nothing new was anchored.</summary>
    public Task<long?> AnchorAsync(CancellationToken ct) => ChainAnchor.AnchorAsync(database, store.Options.Events.DatabaseSchemaName, ct);

    /// <summary>Masks personal data of one event, as the store's owner, on record (<see cref="MaskingLog"/>).</summary>
    public Task<EventDataMasked> MaskAsync(Guid eventId, MaskEventData command, Identity.CurrentUser user, DateTimeOffset now,
        string? correlationId, IReadOnlyList<Guid> applications, CancellationToken ct) =>
        MaskingLog.MaskAsync(owner, store, eventId, command, user, now, correlationId, applications, ct);

    internal static string ServiceNameOf(IHostEnvironment environment) =>
        environment.ApplicationName.Replace("Services.", "").ToLowerInvariant();
}

public static class AuditTrailExtensions
{
    /// <summary>
    /// Keeps the auditors' history of every event the service stores (<paramref name="describe"/> gives each event type
    /// its note) and lets auditors verify the hash chain. Call after <c>AddEventStore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAuditTrail(this IHostApplicationBuilder builder, string connectionName,
        Action<EventHistory> describe)
    {
        var service = AuditTrail.ServiceNameOf(builder.Environment);
        var history = new EventHistory();
        describe(history);
        var ownerConnectionString = builder.Configuration.GetConnectionString(connectionName)!;
        var connectionString = ServiceRole.ConnectionStringFor(ownerConnectionString);
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add(new HistoryProjection(history, service), ProjectionLifecycle.Async);
            options.Schema.For<HistoryEntry>().Index(e => e.Sequence).Index(e => e.StreamId).Index(e => e.ActorSubject)
                .Index(e => e.Account).Index(e => e.ActorAuthority).Index(e => e.AboutStream).GinIndexJsonData();
            // Rebuild statuses are kept in the database, so that any replica answers for a rebuild another one runs.
            options.Schema.For<ProjectionRebuildStatus>();
        });
        builder.Services.AddSingleton(services => new AuditTrail(service, history, NpgsqlDataSource.Create(connectionString),
            // Only masking works as the owner: the one recorded way to change a stored event.
            NpgsqlDataSource.Create(ownerConnectionString), services.GetRequiredService<IDocumentStore>()));
        builder.Services.AddHostedService<ChainAnchoring>();
        builder.Services.AddSingleton<ProjectionRebuilds>();
        return builder;
    }
}
