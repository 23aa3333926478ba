using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>A new draft: which organisation applies, in which category, through which authority.</summary>
public sealed record CreateApplicationRequest(
    ApplicationCategory? Category, string? OrganisationName, string? CreditCode, string? AuthorityCode);

/// <summary>Proof of a submission: the application, the version submitted and when.</summary>
public sealed record SubmissionReceipt(Guid ApplicationId, long Version, DateTimeOffset SubmittedAt);

public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/applications").WithTags("Applications");
        api.MapPost("/", CreateDraft).WithName("CreateApplicationDraft").WithSummary("创建申报草稿 / Start an application draft")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.CityAuthority)
            .Produces<ApplicationDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{applicationId:guid}", Get).WithName("GetApplication").WithSummary("查看申报 / Read an application")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.CityAuthority, PlatformRoles.AuthorityOfficer,
                PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<ApplicationDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{applicationId:guid}/submission", Submit).WithName("SubmitApplication").WithSummary("提交申报 / Submit an application to its authority")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.CityAuthority)
            .Produces<SubmissionReceipt>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    static async Task<IResult> CreateDraft(CreateApplicationRequest request, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is { Count: > 0 } errors) return Problems.Validation(errors);
        var command = new CreateApplicationDraft(Guid.CreateVersion7(), request.Category!.Value,
            request.OrganisationName!.Trim(), request.CreditCode!, request.AuthorityCode!, access.User);
        var version = await session.DecideAsync<Application>(command.ApplicationId, null,
            state => ApplicationDecider.Decide(command, state, clock.GetUtcNow()), ct);
        var details = await session.LoadAsync<ApplicationDetails>(command.ApplicationId, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/applications/{command.ApplicationId}", details), version);
    }

    static async Task<IResult> Get(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        return await access.ReadAsync(details is not null && ApplicationAccess.CanSee(access.User, details), ApplicationRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    static async Task<IResult> Submit(Guid applicationId, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (await access.ChangeAsync(details is not null && ApplicationAccess.CanChange(access.User, details),
                ApplicationRules.NotFound) is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        var version = await session.DecideAsync<Application>(applicationId, StreamVersion.Expected(http),
            state => ApplicationDecider.Decide(new SubmitApplication(applicationId), state, now), ct);
        return StreamVersion.WithETag(TypedResults.Ok(new SubmissionReceipt(applicationId, version, now)), version);
    }

    static Dictionary<string, string[]> Validate(CreateApplicationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Category is null)
            errors["category"] = ["请选择申报类别。 / Choose a category: enterprise, platform or city."];
        if (string.IsNullOrWhiteSpace(request.OrganisationName) || request.OrganisationName.Length > 200)
            errors["organisationName"] = ["请填写申报单位名称（不超过 200 字）。 / Give the organisation's name (at most 200 characters)."];
        if (CreditCode.Problem(request.CreditCode) is { } creditCodeProblem)
            errors["creditCode"] = [creditCodeProblem];
        if (Authorities.Find(request.AuthorityCode) is null)
            errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
        return errors;
    }
}
