using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// The auditors' endpoints every service has under its own name (<c>/api/v1/audit/{service}/…</c>, so the gateway routes
/// each to its service): its history of an application, an authority's officers or a user, the verification of its hash
/// chain, and (for the ministry, as operator) the rebuild of a projection. Every read is recorded (<see cref="AuditTrailRead"/>).
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var trail = app.ServiceProvider.GetRequiredService<AuditTrail>();
        var api = app.MapGroup($"/api/v1/audit/{trail.Service}").WithTags("Audit");
        api.MapGet("/history/applications/{applicationId:guid}", OfApplication).WithName($"{trail.Service}ApplicationHistory")
            .WithSummary("申报的审计历史 / The audit history of an application in this service")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/history/authorities/{authorityCode}", OfAuthority).WithName($"{trail.Service}AuthorityHistory")
            .WithSummary("推荐单位经办人员的全部操作 / Everything the officers of an authority did in this service")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/history/users/{subject}", OfUser).WithName($"{trail.Service}UserHistory")
            .WithSummary("用户的全部操作与查阅 / Everything a user did and read in this service")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/event-chain", Verify).WithName($"{trail.Service}VerifyEventChain")
            .WithSummary("校验事件哈希链 / Verify the hash chain of this service's events (one stream, or all)")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<ChainVerification>();
        api.MapPost("/events/{eventId:guid}/masking", Mask).WithName($"{trail.Service}MaskEventData")
            .WithSummary("遮蔽事件中的个人信息（留有记录，哈希链仍可校验） / Mask personal data in a stored event, on record; its hash chain still verifies")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<EventDataMasked>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/projections/{projection}/rebuild", Rebuild).WithName($"{trail.Service}RebuildProjection")
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                // The projections this service has, as an enum (the parameter's description says what it is).
                var names = ProjectionRebuild.Names(context.ApplicationServices.GetRequiredService<IDocumentStore>());
                foreach (var parameter in operation.Parameters?.OfType<Microsoft.OpenApi.OpenApiParameter>().Where(p => p.Name == "projection") ?? [])
                    parameter.Schema = new Microsoft.OpenApi.OpenApiSchema
                    {
                        Type = Microsoft.OpenApi.JsonSchemaType.String,
                        Enum = [.. names.Order(StringComparer.Ordinal).Select(n => (System.Text.Json.Nodes.JsonNode)n!)],
                    };
                return Task.CompletedTask;
            })
            .WithSummary("从事件重建投影 / Rebuild a projection (read model) of this service from its events")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ProjectionRebuilt>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<IResult> OfApplication(Guid applicationId, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        await FilteredAsync(new(eventType, actor, from, to), context, session, clock, $"application {applicationId}", applicationId,
            () => HistoryQuery.OfApplicationAsync(session, applicationId, ct));

    static async Task<IResult> OfAuthority(string authorityCode, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        await FilteredAsync(new(eventType, actor, from, to), context, session, clock, $"authority {authorityCode}", null,
            () => HistoryQuery.OfAuthorityAsync(session, authorityCode, ct));

    static async Task<IResult> OfUser(string subject, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        await FilteredAsync(new(eventType, actor, from, to), context, session, clock, $"user {subject}", null,
            () => HistoryQuery.OfUserAsync(session, subject, ct));

    static async Task<IResult> FilteredAsync(HistoryFilter filter, HttpContext context, IDocumentSession session, TimeProvider clock,
        string what, Guid? application, Func<Task<IReadOnlyList<HistoryEntry>>> read)
    {
        if (filter is { From: { } from, To: { } to } && from >= to) return Problems.Of(AuditRules.TimeRange);
        var entries = filter.Apply(await read()).ToList();
        await RecordReadAsync(session, context, clock, "history of " + what, application);
        return TypedResults.Ok(entries);
    }

    static async Task<IResult> Verify(AuditTrail trail, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, Guid? streamId = null)
    {
        var verification = await trail.VerifyAsync(streamId, ct);
        await RecordReadAsync(session, context, clock, streamId is { } id ? $"verification of stream {id}" : "verification of the event chain", null);
        return TypedResults.Ok(verification);
    }

    static async Task<IResult> Mask(Guid eventId, MaskEventData command, AuditTrail trail, HttpContext context, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var applications = (await session.LoadAsync<HistoryEntry>(eventId, ct))?.Applications ?? [];
        return TypedResults.Ok(await trail.MaskAsync(eventId, command, CurrentUser.From(context.User), clock.GetUtcNow(),
            System.Diagnostics.Activity.Current?.TraceId.ToHexString(), applications, ct));
    }

    static async Task<IResult> Rebuild(string projection, IDocumentStore store, IProjectionCoordinator coordinator, TimeProvider clock,
        ILogger<AuditTrail> logger, CancellationToken ct)
    {
        if (!ProjectionRebuild.Names(store).Contains(projection)) return Problems.Of(AuditRules.UnknownProjection);
        return TypedResults.Ok(await ProjectionRebuild.RunAsync(coordinator, projection, clock, logger, ct));
    }

    /// <summary>Records that the caller read the audit trail: <paramref name="what"/>, and the application it is about.</summary>
    public static async Task RecordReadAsync(IDocumentSession session, HttpContext context, TimeProvider clock, string what, Guid? application)
    {
        var user = CurrentUser.From(context.User);
        session.Events.StartStream<AccessRecord>(Guid.CreateVersion7(), new AuditTrailRead(user.Subject, user.Role, what,
            context.Request.Path + context.Request.QueryString, application, clock.GetUtcNow()));
        await session.SaveChangesAsync(context.RequestAborted);
    }
}
