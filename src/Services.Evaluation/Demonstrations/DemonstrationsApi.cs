using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>An earlier-batch demonstration to put on the roster.</summary>
/// <param name="Batch">第几批（必填，1 至 4） / The batch (required, 1 to 4).</param>
/// <param name="Category">类别（必填） / The category (required).</param>
/// <param name="Name">名称（必填） / The name (required).</param>
/// <param name="CreditCode">统一社会信用代码；企业、平台必填 / The unified social credit code; required for an enterprise or platform.</param>
/// <param name="AuthorityCode">推荐单位代码（必填） / The recommending authority (required).</param>
public sealed record EnrollDemonstrationRequest(
    int? Batch, ApplicationCategory? Category, string? Name, string? CreditCode, string? AuthorityCode);

public static class DemonstrationsApi
{
    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapDemonstrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Earlier-batch demonstrations");
        api.MapPost("/", Enroll).WithName("EnrollDemonstration").WithETag().WithSummary("录入前四批示范 / Put an earlier-batch demonstration on the roster").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DemonstrationDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{demonstrationId:guid}", Get).WithName("GetDemonstration").WithETag().WithSummary("查看示范 / Read a demonstration").RequireRoles(Readers)
            .Produces<DemonstrationDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListDemonstrations").WithSummary("前四批示范名单 / The roster of earlier-batch demonstrations").RequireRoles(Readers)
            .Produces<IReadOnlyList<DemonstrationDetails>>().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    static async Task<IResult> Enroll(
        EnrollDemonstrationRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is { Count: > 0 } errors) return Problems.Validation(errors);
        var command = new EnrollDemonstration(Guid.CreateVersion7(), request.Batch!.Value, request.Category!.Value,
            request.Name!.Trim(), request.CreditCode, request.AuthorityCode!);
        var version = await session.DecideAsync<Demonstration>(command.DemonstrationId, null,
            state => DemonstrationDecider.Decide(command, state, clock.GetUtcNow()), ct);
        var details = await session.LoadAsync<DemonstrationDetails>(command.DemonstrationId, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/demonstrations/{command.DemonstrationId}", details), version);
    }

    static async Task<IResult> Get(Guid demonstrationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct);
        return await access.ReadAsync(details is not null && access.User.ActsFor(details.AuthorityCode), DemonstrationRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    /// <summary>An officer sees its own authority's demonstrations (naming another's is refused, as in Review); the ministry and auditors any.</summary>
    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        int? batch = null, string? authorityCode = null)
    {
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        await access.ReadAsync(true, DemonstrationRules.NotFound);
        var query = session.Query<DemonstrationDetails>().AsQueryable();
        if (batch is not null) query = query.Where(d => d.Batch == batch);
        if (authorityCode is not null) query = query.Where(d => d.AuthorityCode == authorityCode);
        return TypedResults.Ok(await query.OrderBy(d => d.Batch).ThenBy(d => d.Name).Take(1000).ToListAsync(ct));
    }

    static Dictionary<string, string[]> Validate(EnrollDemonstrationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Batch is null)
            errors["batch"] = ["请填写入选批次。 / Give the batch the demonstration was selected in."];
        if (request.Category is null)
            errors["category"] = ["请选择示范类别。 / Choose a category: enterprise, platform or city."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            errors["name"] = ["请填写示范名称（不超过 200 字）。 / Give the demonstration's name (at most 200 characters)."];
        if (request.Category is not ApplicationCategory.City && CreditCode.Problem(request.CreditCode) is { } problem)
            errors["creditCode"] = [problem];
        if (Authorities.Find(request.AuthorityCode) is null)
            errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
        return errors;
    }
}
