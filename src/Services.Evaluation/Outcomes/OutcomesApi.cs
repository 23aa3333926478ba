using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Evaluation.Access;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.Outcomes;

/// <summary>The ministry's outcome of a demonstration's evaluation.</summary>
/// <param name="Outcome">评估结果（必填） / The outcome (required).</param>
/// <param name="Reasons">理由（必填，不超过 2000 字） / The reasons (required, at most 2000 characters).</param>
/// <param name="RectificationDue">整改期限；限期整改时必填 / The rectification due date; required when rectification is needed.</param>
public sealed record EvaluateRequest(EvaluationOutcome? Outcome, string? Reasons, DateOnly? RectificationDue);

public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Evaluation outcomes");
        api.MapPost("/{demonstrationId:guid}/outcome", Evaluate).WithName("EvaluateDemonstration").WithConcurrency()
            .WithSummary("部里评估结果：通过、限期整改、不通过或撤销称号 / The ministry's outcome: pass, needs rectification, fail or title revoked")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DemonstrationDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/outcomes", Export).WithName("ExportEvaluationOutcomes")
            .WithSummary("导出评估结果（XLSX，中文表头；可按批次、推荐单位筛选） / Export the outcomes as XLSX with Chinese headers, by batch and authority")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<byte[]>(StatusCodes.Status200OK, Spreadsheet.ContentType).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    static async Task<IResult> Evaluate(Guid demonstrationId, EvaluateRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is null) errors["outcome"] = ["请选择评估结果。 / Choose the outcome."];
        if (request.Reasons is { Length: > 2000 }) errors["reasons"] = ["理由不超过 2000 字。 / At most 2000 characters."];
        PlausibleDate.Check(errors, "rectificationDue", request.RectificationDue);
        if (errors.Count > 0) return Problems.Validation(errors);
        var (_, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Ministry, ct);
        if (refused is not null) return refused;
        var command = new EvaluateDemonstration(demonstrationId, request.Outcome!.Value, request.Reasons ?? "", request.RectificationDue,
            access.User.AuditName);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<Demonstration>(demonstrationId, StreamVersion.Expected(http),
                state => DemonstrationDecider.Decide(command, state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct)), version);
        }, () => session.LoadAsync<DemonstrationDetails>(demonstrationId, ct), d => d.Version);
    }

    /// <summary>An officer exports its own authority's outcomes; the ministry and auditors any authority's, or all.</summary>
    static async Task<IResult> Export(IDocumentSession session, AccessGuard access, CancellationToken ct, int? batch = null, string? authorityCode = null)
    {
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        await access.ReadAsync(true, DemonstrationRules.NotFound);
        var query = session.Query<DemonstrationDetails>().Where(d => d.Outcome != null && d.WithdrawnAt == null);
        if (batch is not null) query = query.Where(d => d.Batch == batch);
        if (authorityCode is not null) query = query.Where(d => d.AuthorityCode == authorityCode);
        var name = $"evaluation-outcomes{(batch is null ? "" : $"-batch{batch}")}{(authorityCode is null ? "" : $"-{authorityCode}")}.xlsx";
        return TypedResults.File(OutcomeTable.Create(await query.ToListAsync(ct)), Spreadsheet.ContentType, name);
    }
}
