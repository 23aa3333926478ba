using Marten;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// Time travel for auditors: an application as it stood at a past instant or event version, computed from its events
/// (the same projection that answers <c>GET /api/v1/applications/{id}</c>, run over the events up to then), never from a
/// stored snapshot that could have been edited.
/// </summary>
public static class ApplicationAsOfApi
{
    public static void MapApplicationAsOfApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit/registration/applications/{applicationId:guid}/as-of", AsOf).WithTags("Audit")
            .WithName("GetApplicationAsOf").WithETag()
            .WithSummary("申报在某一时点的状态 / An application as it stood at a past instant or event version")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<ApplicationDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    // at: an instant (ISO 8601, with its offset); version: or an event version of the application's stream.
    static async Task<IResult> AsOf(Guid applicationId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? at = null, long? version = null)
    {
        if (at is null == version is null || version < 1) return Problems.Of(AuditRules.AsOfEitherTimeOrVersion);
        var details = await session.Events.AggregateStreamAsync<ApplicationDetails>(applicationId, version ?? 0, at?.ToUniversalTime(), token: ct);
        // A version past the stream's end is no state "as of" it (Marten would answer the latest, or nothing).
        if (version is { } asked && await session.Events.FetchStreamStateAsync(applicationId, ct) is { } stream && stream.Version < asked)
            return Problems.Of(AuditRules.VersionNotReached, $"The stream is at version {stream.Version}; version {asked} was asked for.");
        if (details is null) return Problems.Of(AuditRules.NothingAsOf); // a refusal stores nothing
        await AuditApi.RecordReadAsync(session, context, clock,
            $"application {applicationId} as of {(object?)at ?? $"version {version}"}", applicationId);
        return StreamVersion.WithETag(TypedResults.Ok(details), details.Version);
    }
}
