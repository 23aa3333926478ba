using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
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
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity).AsHistory();
        api.MapGet("/history/authorities/{authorityCode}", OfAuthority).WithName($"{trail.Service}AuthorityHistory")
            .WithSummary("推荐单位经办人员的全部操作 / Everything the officers of an authority did in this service")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity).AsHistory();
        api.MapGet("/history/users/{subject}", OfUser).WithName($"{trail.Service}UserHistory")
            .WithSummary("用户的全部操作与查阅 / Everything a user did and read in this service")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(StatusCodes.Status422UnprocessableEntity).AsHistory();
        api.MapGet("/event-chain", Verify).WithName($"{trail.Service}VerifyEventChain")
            .WithSummary("校验事件哈希链 / Verify the hash chain of this service's events (one stream, or all)")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<ChainVerification>();
        api.MapPost("/events/{eventId:guid}/masking", Mask).WithName($"{trail.Service}MaskEventData")
            .WithSummary("遮蔽事件中的个人信息（留有记录，哈希链仍可校验） / Mask personal data in a stored event, on record; its hash chain still verifies")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<EventDataMasked>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/projections", Projections).WithName($"{trail.Service}Projections")
            .WithSummary("本服务可重建的投影 / The projections (read models) of this service a rebuild can rebuild")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<IReadOnlyList<string>>();
        api.MapPost("/projections/{projection}/rebuilds", Rebuild).WithName($"{trail.Service}RebuildProjection")
            .AddOpenApiOperationTransformer(ProjectionsAsEnum)
            .WithSummary("从事件重建投影（后台进行，答 202 及其状态地址） / Rebuild a projection of this service from its events, " +
                "in the background: 202 Accepted with the rebuild's status in Location")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ProjectionRebuildStatus>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/projections/{projection}/rebuilds/{rebuildId:guid}", RebuildStatus).WithName($"{trail.Service}ProjectionRebuildStatus")
            .AddOpenApiOperationTransformer(ProjectionsAsEnum)
            .WithSummary("投影重建的进度 / How far a rebuild of a projection has come (events done of total, state, error)")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ProjectionRebuildStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The projections this service has, as an enum (the parameter's description says what it is).</summary>
    static Task ProjectionsAsEnum(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var names = ProjectionRebuild.Names(context.ApplicationServices.GetRequiredService<IDocumentStore>());
        foreach (var parameter in operation.Parameters?.OfType<Microsoft.OpenApi.OpenApiParameter>().Where(p => p.Name == "projection") ?? [])
            parameter.Schema = new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.String,
                Enum = [.. names.Order(StringComparer.Ordinal).Select(n => (System.Text.Json.Nodes.JsonNode)n!)],
            };
        return Task.CompletedTask;
    }

    /// <summary>The filters and the format every history takes, and what its answer says when it is cut.</summary>
    static RouteHandlerBuilder AsHistory(this RouteHandlerBuilder builder) => builder
        .WithDescription($"按存储顺序的前 {HistoryQuery.Limit} 条；超出时应答带 {HistoryQuery.TruncatedHeader}: true，请按时间范围分段查阅。 / " +
            $"The first {HistoryQuery.Limit} entries in store order; a longer history is cut there and its answer carries " +
            $"{HistoryQuery.TruncatedHeader}: true: read the rest by time range.")
        .WithParameterValues("format", "json", "xlsx", "pdf")
        .WithParameterDescription("format", "调用者将以何种格式导出（网关的时间线传入，以便将导出记录为导出） / " +
            "The format the caller exports in (the gateway's timeline passes it on, so that an export is recorded as one).")
        .ProducesValidationProblem();

    static async Task<IResult> OfApplication(Guid applicationId, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? format = null) =>
        await FilteredAsync(new(eventType, actor, from, to), format, context, session, clock, $"application {applicationId}", applicationId,
            () => HistoryQuery.OfApplicationAsync(session, applicationId, ct));

    static async Task<IResult> OfAuthority(string authorityCode, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? format = null) =>
        await FilteredAsync(new(eventType, actor, from, to), format, context, session, clock, $"authority {authorityCode}", null,
            () => HistoryQuery.OfAuthorityAsync(session, authorityCode, ct));

    static async Task<IResult> OfUser(string subject, HttpContext context, IDocumentSession session, TimeProvider clock,
        CancellationToken ct, string? eventType = null, string? actor = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? format = null) =>
        await FilteredAsync(new(eventType, actor, from, to), format, context, session, clock, $"user {subject}", null,
            () => HistoryQuery.OfUserAsync(session, subject, ct));

    static async Task<IResult> FilteredAsync(HistoryFilter filter, string? format, HttpContext context, IDocumentSession session,
        TimeProvider clock, string what, Guid? application, Func<Task<HistoryRead>> read)
    {
        if (filter is { From: { } from, To: { } to } && from >= to) return Problems.Of(AuditRules.TimeRange);
        if (format is not (null or "json" or "xlsx" or "pdf"))
            return Problems.Validation(new Dictionary<string, string[]> { ["format"] = ["格式须为 json、xlsx 或 pdf。 / The format is json, xlsx or pdf."] });
        var history = await read();
        var entries = filter.Apply(history.Entries).ToList();
        // An export (the gateway's timeline as a workbook or a printout) is recorded as one, with its format.
        await RecordReadAsync(session, context, clock, (format is "xlsx" or "pdf" ? $"export ({format}) of the history of " : "history of ") + what,
            application);
        if (history.Truncated) context.Response.Headers[HistoryQuery.TruncatedHeader] = "true";
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

    static IResult Projections(IDocumentStore store) => TypedResults.Ok(ProjectionRebuild.Names(store).Order().ToList());

    static async Task<IResult> Rebuild(string projection, IDocumentStore store, ProjectionRebuilds rebuilds, AuditTrail trail, CancellationToken ct)
    {
        if (!ProjectionRebuild.Names(store).Contains(projection)) return Problems.Of(AuditRules.UnknownProjection);
        var status = await rebuilds.StartAsync(projection, ct);
        return TypedResults.Accepted($"/api/v1/audit/{trail.Service}/projections/{Uri.EscapeDataString(projection)}/rebuilds/{status.Id}", status);
    }

    static async Task<IResult> RebuildStatus(string projection, Guid rebuildId, ProjectionRebuilds rebuilds, CancellationToken ct) =>
        await rebuilds.FindAsync(projection, rebuildId, ct) is { } status ? TypedResults.Ok(status) : Problems.Of(AuditRules.UnknownRebuild);

    /// <summary>Records that the caller read the audit trail: <paramref name="what"/>, and the application it is about.</summary>
    public static async Task RecordReadAsync(IDocumentSession session, HttpContext context, TimeProvider clock, string what, Guid? application)
    {
        var user = CurrentUser.From(context.User);
        session.Events.StartStream<AccessRecord>(Guid.CreateVersion7(), new AuditTrailRead(user.Subject, user.Role, what,
            context.Request.Path + context.Request.QueryString, application, clock.GetUtcNow()));
        await session.SaveChangesAsync(context.RequestAborted);
    }
}
