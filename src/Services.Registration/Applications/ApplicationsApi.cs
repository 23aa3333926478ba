using Marten;
using Marten.Pagination;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Services.Registration.Roster;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>A new draft: which organisation applies, in which category, through which authority.</summary>
/// <param name="Category">申报类别（必填） / The category (required).</param>
/// <param name="OrganisationName">申报单位名称（必填，不超过 200 字） / The organisation's name (required, at most 200 characters).</param>
/// <param name="CreditCode">统一社会信用代码（必填，18 位，校验位有效） / The unified social credit code (required, 18 characters with a valid check character).</param>
/// <param name="AuthorityCode">推荐单位代码（必填，37 个之一，见 GET /api/v1/authorities） / The recommending authority (required, one of the 37: GET /api/v1/authorities).</param>
public sealed record CreateApplicationRequest(
    ApplicationCategory? Category, string? OrganisationName, string? CreditCode, string? AuthorityCode);

/// <summary>Proof of a submission: the application, the version submitted, when, and the SHA-256 of its content.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="Version">提交的版本 / The version submitted.</param>
/// <param name="SubmittedAt">提交时间 / When.</param>
/// <param name="ContentHash">提交内容的 SHA-256 / The SHA-256 of the submitted content.</param>
/// <param name="Warnings">提醒审核人员的事项（规则代码） / Points for reviewers (rule codes).</param>
public sealed record SubmissionReceipt(Guid ApplicationId, long Version, DateTimeOffset SubmittedAt, string ContentHash, [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Warnings))] IReadOnlyList<string> Warnings);

/// <summary>撤回申报 / Withdrawing an application.</summary>
/// <param name="Reason">撤回理由（可选） / Why (optional).</param>
public sealed record WithdrawalRequest(string? Reason);


public static class ApplicationsApi
{
    static readonly string[] Owners = [PlatformRoles.Applicant, PlatformRoles.CityAuthority];
    static readonly string[] Readers = [PlatformRoles.Applicant, PlatformRoles.CityAuthority, PlatformRoles.AuthorityOfficer,
        PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/applications").WithTags("Applications");
        api.MapPost("/", CreateDraft).WithName("CreateApplicationDraft").WithETag().WithSummary("创建申报草稿 / Start an application draft")
            .RequireRoles(Owners).Produces<ApplicationDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).WithName("ListApplications").WithEnumParameter<ApplicationStatus>("status").WithEnumParameter<ApplicationCategory>("category").WithSummary("申报列表 / The applications the caller may see")
            .RequireRoles(Readers).Produces<Page<ApplicationDetails>>().ProducesValidationProblem();
        api.MapGet("/{applicationId:guid}", Get).WithName("GetApplication").EventuallyConsistent(StatusLag.ReviewStages).WithETag().WithSummary("查看申报 / Read an application")
            .RequireRoles(Readers).Produces<ApplicationDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{applicationId:guid}/form", SaveForm).WithName("SaveApplicationForm").WithConcurrency()
            .WithSummary("保存申报书（可部分填写） / Save the application form (a draft may be partial)").RequireRoles(Owners)
            .Produces<ApplicationDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{applicationId:guid}/submission", Submit).WithName("SubmitApplication").WithConcurrency().WithLag(ApplicationRules.OrganisationNotVerified, StatusLag.VerificationReachesRegistration)
            .WithSummary("提交申报 / Submit an application to its authority").RequireRoles(Owners)
            .Produces<SubmissionReceipt>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{applicationId:guid}/withdrawal", Withdraw).WithName("WithdrawApplication").WithConcurrency()
            .WithSummary("撤回申报 / Withdraw an application before its authority decides").RequireRoles(Owners)
            .Produces<ApplicationDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{applicationId:guid}/receipt-verification", VerifyReceipt).WithName("VerifySubmissionReceipt")
            .WithSummary("核验提交回执 / Verify a submission receipt").RequireRoles(Readers)
            .Produces<ReceiptVerification>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<IResult> CreateDraft(CreateApplicationRequest request, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var user = access.User;
        // What the account says is not asked of the body: an applicant's credit code, a city authority's name and authority
        // (a body naming others is refused by the decider).
        request = user.Role switch
        {
            PlatformRoles.Applicant => request with { CreditCode = request.CreditCode ?? user.CreditCode },
            PlatformRoles.CityAuthority => request with
            {
                OrganisationName = request.OrganisationName ?? user.Name, AuthorityCode = request.AuthorityCode ?? user.AuthorityCode,
            },
            _ => request,
        };
        if (Validate(request) is { Count: > 0 } errors) return Problems.Validation(errors);
        var command = new CreateApplicationDraft(Guid.CreateVersion7(), await CampaignsApi.CurrentAsync(session, ct),
            request.Category!.Value, request.OrganisationName!.Trim(), request.CreditCode!, request.AuthorityCode!, user);
        object[] appended = [];
        var version = await session.DecideAsync<Application>(command.ApplicationId, null,
            state => appended = ApplicationDecider.Decide(command, state, clock.GetUtcNow()), ct);
        var details = await AfterAsync(session, command.ApplicationId, null, version, appended, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/applications/{command.ApplicationId}", details), version);
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        Guid? campaignId = null, string? status = null, string? category = null, int page = 1, int pageSize = 50)
    {
        var filters = new QueryFilters();
        var statusFilter = filters.Enum<ApplicationStatus>(status, "status");
        var categoryFilter = filters.Enum<ApplicationCategory>(category, "category");
        filters.Page(page, pageSize);
        if (filters.Errors.Count > 0) return Problems.Validation(filters.Errors);
        var query = (await ApplicationAccess.OfAsync(session, access.User, ct)).Scope(session.Query<ApplicationDetails>());
        if (campaignId is not null) query = query.Where(a => a.CampaignId == campaignId);
        if (statusFilter is not null) query = query.Where(a => a.Status == statusFilter);
        if (categoryFilter is not null) query = query.Where(a => a.Category == categoryFilter);
        var items = await query.OrderByDescending(a => a.UpdatedAt).ToPagedListAsync(page, pageSize, ct);
        await access.ReadAsync(true, ApplicationRules.NotFound);
        return TypedResults.Ok(new Page<ApplicationDetails>(items.ToList(), items.TotalItemCount, page, pageSize));
    }

    static async Task<IResult> Get(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var (details, caller) = await ApplicationAccess.WithApplicationAsync(session, access.User, applicationId, ct);
        return await access.ReadAsync(details is not null && caller.CanSee(details), ApplicationRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    static async Task<IResult> SaveForm(Guid applicationId, ApplicationForm form, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var (refused, owned, _) = await OwnAsync(applicationId, session, access, ct);
        if (refused is not null) return refused;
        var errors = FormDates.Implausible(form);
        foreach (var (field, messages) in RelatedPartyCodes.Invalid(form)) errors[field] = messages;
        if (errors.Count > 0) return Problems.Validation(errors);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            object[] appended = [];
            var version = await session.DecideAsync<Application>(applicationId, StreamVersion.Expected(http),
                state => appended = ApplicationDecider.Decide(new SaveApplicationForm(applicationId, form), state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await AfterAsync(session, applicationId, owned, version, appended, ct)), version);
        }, () => session.LoadAsync<ApplicationDetails>(applicationId, ct), d => d.Version);
    }

    static async Task<IResult> Submit(Guid applicationId, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        // The details and the caller's membership are read once, in one round trip, and serve both the checks and the
        // decision; the receipt is answered from the event appended, not read back (WritePathRoundTripTests keeps count).
        var (refused, owned, caller) = await OwnAsync(applicationId, session, access, ct);
        if (refused is not null) return refused;
        if (caller.SubmissionRefusal is { } unverified) return await access.ForbidAsync(unverified);
        var details = owned!;
        var campaign = await session.LoadAsync<Campaign>(details.CampaignId, ct)
            ?? throw new InvalidOperationException($"Campaign {details.CampaignId} is missing.");
        var cityIsDemonstration = details.Category == ApplicationCategory.City
            && await EarlierDemonstration.IsDemonstrationCityAsync(session, details.Form.City?.CityName, ct);
        var now = clock.GetUtcNow();
        object[] appended = [];
        SubmitApplication Command(Application? state) =>
            new(applicationId, campaign, cityIsDemonstration, false, state is null ? "" : SubmissionContent.Hash(state));
        var slotId = CityApplicationSlot.IdFor(details.CampaignId, details.AuthorityCode);
        // A separately planned city's one city application: the slot's stream is decided with the application's.
        var version = CityApplicationSlot.Applies(details.Category, details.AuthorityCode)
            ? (await session.DecideAsync([StreamToWrite.Of<Application>(applicationId, StreamVersion.Expected(http)), StreamToWrite.Of<CityApplicationSlot>(slotId)],
                states =>
                {
                    var decided = CityApplicationSlotDecider.Decide(Command(states.Of<Application>(applicationId)), states.Of<Application>(applicationId),
                        states.Of<CityApplicationSlot>(slotId), now);
                    appended = decided.GetValueOrDefault(applicationId) ?? [];
                    return decided;
                }, ct))[applicationId]
            : await session.DecideAsync<Application>(applicationId, StreamVersion.Expected(http), state => appended = ApplicationDecider.Decide(Command(state), state, now), ct);
        var submitted = (await AfterAsync(session, applicationId, details, version, appended, ct))!;
        return StreamVersion.WithETag(TypedResults.Ok(
            new SubmissionReceipt(applicationId, version, now, submitted.ContentHash!, submitted.Warnings)), version);
    }

    static async Task<IResult> Withdraw(Guid applicationId, WithdrawalRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var (refused, owned, _) = await OwnAsync(applicationId, session, access, ct);
        if (refused is not null) return refused;
        var details = owned!;
        var command = new WithdrawApplication(applicationId, request.Reason?.Trim());
        object[] appended = [];
        var slotId = CityApplicationSlot.IdFor(details.CampaignId, details.AuthorityCode);
        // Withdrawing a separately planned city's city application frees its slot, in the same write.
        var version = CityApplicationSlot.Applies(details.Category, details.AuthorityCode)
            ? (await session.DecideAsync([StreamToWrite.Of<Application>(applicationId, StreamVersion.Expected(http)), StreamToWrite.Of<CityApplicationSlot>(slotId)],
                states =>
                {
                    var decided = CityApplicationSlotDecider.Decide(command, states.Of<Application>(applicationId), states.Of<CityApplicationSlot>(slotId),
                        clock.GetUtcNow());
                    appended = decided.GetValueOrDefault(applicationId) ?? [];
                    return decided;
                }, ct))[applicationId]
            : await session.DecideAsync<Application>(applicationId, StreamVersion.Expected(http),
                state => appended = ApplicationDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await AfterAsync(session, applicationId, details, version, appended, ct)), version);
    }

    static async Task<IResult> VerifyReceipt(Guid applicationId, SubmissionReceipt receipt, IDocumentSession session,
        AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (await access.ReadAsync(details is not null && (await ApplicationAccess.OfAsync(session, access.User, ct)).CanSee(details),
            ApplicationRules.NotFound) is { } refused)
            return refused;
        var events = await session.Events.FetchStreamAsync(applicationId, receipt.Version, token: ct);
        var valid = events.LastOrDefault() is { Data: ApplicationSubmitted submitted } e && e.Version == receipt.Version
            && submitted.ContentHash == receipt.ContentHash && submitted.SubmittedAt == receipt.SubmittedAt;
        return TypedResults.Ok(new ReceiptVerification(valid));
    }

    /// <summary>
    /// Null as <c>Refused</c> when the caller owns the application, else its 404, recorded as a refusal; with the
    /// application's details and the caller's access, read once in one round trip, for the caller to reuse.
    /// </summary>
    static async Task<(IResult? Refused, ApplicationDetails? Details, ApplicationAccess Access)> OwnAsync(Guid applicationId,
        IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var (details, caller) = await ApplicationAccess.WithApplicationAsync(session, access.User, applicationId, ct);
        return (await access.ChangeAsync(details is not null && caller.CanChange(details), ApplicationRules.NotFound), details, caller);
    }

    /// <summary>
    /// The details after a write appended <paramref name="appended"/> up to <paramref name="version"/>, computed from those
    /// read before it (<see cref="ApplicationDetailsProjection.Following"/>), or read back when another write came between.
    /// </summary>
    static async Task<ApplicationDetails?> AfterAsync(IQuerySession session, Guid applicationId, ApplicationDetails? before,
        long version, object[] appended, CancellationToken ct) =>
        ApplicationDetailsProjection.Following(before, version, appended) ?? await session.LoadAsync<ApplicationDetails>(applicationId, ct);

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
