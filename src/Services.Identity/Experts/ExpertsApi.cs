using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;

namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>
/// The expert pool (评审专家库): the ministry creates experts and keeps their profiles; an expert keeps the days he is
/// available. Every change is published (<see cref="Contracts.ExpertProfileChanged"/>) for Review's copy.
/// </summary>
public static class ExpertsApi
{
    static readonly string[] Readers = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapExpertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/experts").WithTags("Experts");
        api.MapPost("/", Create).WithName("CreateExpert").WithETag()
            .WithSummary("创建评审专家（账号与专家信息） / The ministry creates an expert: the account and its profile")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ExpertDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", List).WithName("ListExperts").WithSummary("评审专家库 / The expert pool").RequireRoles(Readers)
            .Produces<IReadOnlyList<ExpertDetails>>();
        api.MapGet("/me", Me).WithName("GetMyExpertProfile").WithETag().WithSummary("我的专家信息 / The signed-in expert's profile")
            .RequireRoles(PlatformRoles.Expert).Produces<ExpertDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/me/available-dates", ChangeOwnDates).WithName("ChangeMyAvailableDates").WithETag()
            .WithSummary("修改本人可用日期 / An expert changes the days he is available").RequireRoles(PlatformRoles.Expert)
            .Produces<ExpertDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{accountId:guid}", Get).WithName("GetExpert").WithETag().WithSummary("查看评审专家 / Read an expert's profile")
            .RequireRoles(Readers).Produces<ExpertDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{accountId:guid}/profile", Record).WithName("RecordExpertProfile").WithETag()
            .WithSummary("修改专家信息 / The ministry sets an expert account's profile").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ExpertDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Create(NewExpertRequest request, AccountOperations accounts, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var account = new RegisterAccountRequest(request.UserName, request.Password, request.Profile?.Name, PlatformRoles.Expert);
        var errors = AccountValidation.Validate(account);
        errors.Remove("displayName");
        foreach (var (field, messages) in ExpertValidation.Validate(request.Profile)) errors[field] = messages;
        if (errors.Count > 0) return Problems.Validation(errors);
        // The account and its profile are saved together, or neither.
        var accountId = await accounts.StageRegistrationAsync(account, PlatformRoles.Expert, access.User.AuditName, ct);
        var id = Expert.IdFor(accountId);
        session.Events.StartStream<Expert>(id, ExpertDecider.Decide(new RecordExpertProfile(accountId, PlatformRoles.Expert,
            ExpertValidation.Fields(request.Profile!), access.User.AuditName), null, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        var details = await session.LoadAsync<ExpertDetails>(id, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/experts/{accountId}", details), details!.Version);
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var experts = await session.Query<ExpertDetails>().OrderBy(e => e.Name).Take(2000).ToListAsync(ct);
        await access.ReadAsync(true, ExpertRules.NotFound);
        return TypedResults.Ok(experts);
    }

    static async Task<IResult> Me(IQuerySession session, AccessGuard access, CancellationToken ct) =>
        Guid.TryParse(access.User.Subject, out var accountId) && await session.LoadAsync<ExpertDetails>(Expert.IdFor(accountId), ct) is { } details
            ? StreamVersion.WithETag(TypedResults.Ok(details), details.Version)
            : Problems.Of(ExpertRules.NotFound);

    static async Task<IResult> Get(Guid accountId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ExpertDetails>(Expert.IdFor(accountId), ct);
        return await access.ReadAsync(details is not null, ExpertRules.NotFound) ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    static async Task<IResult> ChangeOwnDates(AvailableDatesRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (ExpertValidation.DatesProblem(request.AvailableDates ?? []) is { } problem || request.AvailableDates is null)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["availableDates"] = [ExpertValidation.DatesProblem(request.AvailableDates ?? []) ?? "请填写可用日期。 / Give the available days."],
            });
        if (!Guid.TryParse(access.User.Subject, out var accountId)) return Problems.Of(ExpertRules.NotFound);
        var version = await session.DecideAsync<Expert>(Expert.IdFor(accountId), null, state => ExpertDecider.Decide(
            new ChangeAvailableDates(accountId, request.AvailableDates, access.User.AuditName), state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<ExpertDetails>(Expert.IdFor(accountId), ct)), version);
    }

    static async Task<IResult> Record(Guid accountId, ExpertProfileRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (ExpertValidation.Validate(request) is { Count: > 0 } errors) return Problems.Validation(errors);
        var account = await session.LoadAsync<AccountDetails>(accountId, ct);
        var command = new RecordExpertProfile(accountId, account?.Role, ExpertValidation.Fields(request), access.User.AuditName);
        var version = await session.DecideAsync<Expert>(Expert.IdFor(accountId), null,
            state => ExpertDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<ExpertDetails>(Expert.IdFor(accountId), ct)), version);
    }
}
