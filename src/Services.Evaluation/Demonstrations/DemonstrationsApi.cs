using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Evaluation.Access;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>An earlier-batch demonstration to put on the roster.</summary>
/// <param name="Batch">第几批（必填，1 至 4） / The batch (required, 1 to 4).</param>
/// <param name="Category">类别（必填） / The category (required).</param>
/// <param name="Name">名称（必填） / The name (required).</param>
/// <param name="CreditCode">统一社会信用代码；企业、平台必填 / The unified social credit code; required for an enterprise or platform.</param>
/// <param name="AuthorityCode">推荐单位代码（必填） / The recommending authority (required).</param>
/// <param name="Year">入选年份 / The year it was selected.</param>
/// <param name="Mode">服务型制造模式或城市类别 / The service mode, or the city class.</param>
public sealed record EnrollDemonstrationRequest(
    int? Batch, DemonstrationCategory? Category, string? Name, string? CreditCode, string? AuthorityCode, int? Year = null, string? Mode = null);

/// <summary>A correction of a roster entry (its batch, category and credit code identify it and stay).</summary>
/// <param name="Name">名称（必填） / The name (required).</param>
/// <param name="AuthorityCode">推荐单位代码（必填） / The recommending authority (required).</param>
/// <param name="Year">入选年份 / The year it was selected.</param>
/// <param name="Mode">服务型制造模式或城市类别 / The service mode, or the city class.</param>
public sealed record CorrectDemonstrationRequest(string? Name, string? AuthorityCode, int? Year, string? Mode);

/// <summary>撤回误录的名单条目 / Withdraw a roster entry made in error.</summary>
/// <param name="Reason">理由（必填，不超过 500 字） / Why (required, at most 500 characters).</param>
public sealed record WithdrawDemonstrationRequest(string? Reason);

public static class DemonstrationsApi
{
    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapDemonstrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Earlier-batch demonstrations");
        api.MapPost("/", Enroll).WithName("EnrollDemonstration").WithETag().WithSummary("录入前四批示范 / Put an earlier-batch demonstration on the roster").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DemonstrationDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{demonstrationId:guid}", Get).WithName("GetDemonstration").WithETag().WithSummary("查看示范 / Read a demonstration")
            .RequireRoles([PlatformRoles.Applicant, PlatformRoles.CityAuthority, .. Readers])
            .Produces<DemonstrationDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListDemonstrations").WithSummary("示范名单 / The roster of demonstrations").RequireRoles(Readers)
            .Produces<IReadOnlyList<DemonstrationDetails>>().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/own", Own).WithName("ListOwnDemonstrations")
            .WithSummary("本单位（或本城市）的示范 / The caller's own demonstrations: its organisation's, or its city")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.CityAuthority)
            .Produces<IReadOnlyList<DemonstrationDetails>>()
            .EventuallyConsistent("组织成员核验来自身份服务的消息 / Membership arrives from Identity's messages.");
        api.MapPost("/{demonstrationId:guid}/correction", Correct).WithName("CorrectDemonstration").WithConcurrency()
            .WithSummary("更正名单条目 / Correct a roster entry").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DemonstrationDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{demonstrationId:guid}/withdrawal", Withdraw).WithName("WithdrawDemonstration").WithConcurrency()
            .WithSummary("撤回误录的名单条目（批次、类别或信用代码有误） / Withdraw a roster entry made in error (a wrong batch, category or credit code)")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<DemonstrationDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Withdraw(Guid demonstrationId, WithdrawDemonstrationRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (request.Reason is { Length: > 500 })
            return Problems.Validation(new Dictionary<string, string[]> { ["reason"] = ["理由不超过 500 字。 / At most 500 characters."] });
        var (_, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Ministry, ct);
        if (refused is not null) return refused;
        var command = new WithdrawDemonstration(demonstrationId, request.Reason ?? "", access.User.AuditName);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<Demonstration>(demonstrationId, StreamVersion.Expected(http),
                state => DemonstrationDecider.Decide(command, state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct)), version);
        }, () => session.LoadAsync<DemonstrationDetails>(demonstrationId, ct), d => d.Version);
    }

    static async Task<IResult> Enroll(
        EnrollDemonstrationRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request, ChinaTime.DayOf(clock.GetUtcNow()).Year) is { Count: > 0 } errors) return Problems.Validation(errors);
        var facts = new RosterFacts(request.Batch!.Value, request.Category!.Value, request.Name!.Trim(),
            string.IsNullOrWhiteSpace(request.CreditCode) ? null : request.CreditCode, request.AuthorityCode!, request.Year, request.Mode?.Trim());
        var id = Demonstration.IdFor(facts.Batch, facts.CreditCode, facts.AuthorityCode, facts.Name);
        var version = await session.DecideAsync<Demonstration>(id, null,
            state => DemonstrationDecider.Decide(new EnrollDemonstration(id, facts), state, clock.GetUtcNow()), ct);
        var details = await session.LoadAsync<DemonstrationDetails>(id, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/demonstrations/{id}", details), version);
    }

    static async Task<IResult> Get(Guid demonstrationId, EvaluationAccess access, CancellationToken ct)
    {
        var (details, refused) = await access.ReadAsync(demonstrationId, ct);
        return refused ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    static async Task<IResult> Own(EvaluationAccess access, CancellationToken ct) => TypedResults.Ok(await access.OwnAsync(ct));

    /// <summary>
    /// An officer sees its own authority's demonstrations (naming another's is refused, as in Review); the ministry and
    /// auditors any. Entries withdrawn as made in error are left out unless asked for.
    /// </summary>
    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        int? batch = null, string? authorityCode = null, bool withdrawn = false)
    {
        (authorityCode, var refused) = await access.AuthorityScopeAsync(authorityCode);
        if (refused is not null) return refused;
        await access.ReadAsync(true, DemonstrationRules.NotFound);
        var query = session.Query<DemonstrationDetails>().Where(d => withdrawn || d.WithdrawnAt == null);
        if (batch is not null) query = query.Where(d => d.Batch == batch);
        if (authorityCode is not null) query = query.Where(d => d.AuthorityCode == authorityCode);
        return TypedResults.Ok(await query.OrderBy(d => d.Batch).ThenBy(d => d.Name).Take(5000).ToListAsync(ct));
    }

    static async Task<IResult> Correct(Guid demonstrationId, CorrectDemonstrationRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200 || request.Name.Any(char.IsControl))
            errors["name"] = ["请填写示范名称（不超过 200 字）。 / Give the demonstration's name (at most 200 characters)."];
        if (Authorities.Find(request.AuthorityCode) is null)
            errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
        PlausibleDate.CheckYear(errors, "year", request.Year);
        if (request.Mode is { Length: > 100 }) errors["mode"] = ["不超过 100 字。 / At most 100 characters."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var (known, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Ministry, ct);
        if (refused is not null) return refused;
        CheckYearOfBatch(errors, known!.Batch, request.Year, ChinaTime.DayOf(clock.GetUtcNow()).Year);
        if (errors.Count > 0) return Problems.Validation(errors);
        var facts = new RosterFacts(known.Batch, known.Category, request.Name!.Trim(), known.CreditCode, request.AuthorityCode!, request.Year,
            request.Mode?.Trim());
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<Demonstration>(demonstrationId, StreamVersion.Expected(http),
                state => DemonstrationDecider.Decide(new CorrectDemonstration(demonstrationId, facts, access.User.AuditName), state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct)), version);
        }, () => session.LoadAsync<DemonstrationDetails>(demonstrationId, ct), d => d.Version);
    }

    static Dictionary<string, string[]> Validate(EnrollDemonstrationRequest request, int thisYear)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Batch is null)
            errors["batch"] = ["请填写入选批次。 / Give the batch the demonstration was selected in."];
        if (request.Category is null)
            errors["category"] = ["请选择示范类别。 / Choose a category: enterprise, platform, project or city."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200 || request.Name.Any(char.IsControl))
            errors["name"] = ["请填写示范名称（不超过 200 字）。 / Give the demonstration's name (at most 200 characters)."];
        if (request.Category is DemonstrationCategory.Enterprise or DemonstrationCategory.Platform && CreditCode.Problem(request.CreditCode) is { } problem)
            errors["creditCode"] = [problem];
        if (request.Category is DemonstrationCategory.Project && !string.IsNullOrEmpty(request.CreditCode) && CreditCode.Problem(request.CreditCode) is { } p)
            errors["creditCode"] = [p];
        if (request.Category is DemonstrationCategory.City && !string.IsNullOrEmpty(request.CreditCode))
            errors["creditCode"] = ["示范城市不填统一社会信用代码。 / A city has no credit code."];
        if (Authorities.Find(request.AuthorityCode) is null)
            errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
        PlausibleDate.CheckYear(errors, "year", request.Year);
        if (request.Batch is { } batch) CheckYearOfBatch(errors, batch, request.Year, thisYear);
        if (request.Mode is { Length: > 100 }) errors["mode"] = ["不超过 100 字。 / At most 100 characters."];
        return errors;
    }

    /// <summary>The year selected fits the batch as the roster import checks it (<see cref="YearSelected"/>).</summary>
    static void CheckYearOfBatch(Dictionary<string, string[]> errors, int batch, int? year, int thisYear)
    {
        if (!errors.ContainsKey("year") && year is { } y && YearSelected.Problem(batch, y, thisYear) is { } problem) errors["year"] = [problem];
    }
}
