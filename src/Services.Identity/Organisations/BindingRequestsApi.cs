using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>An authority's refusal of a binding, with its reason.</summary>
/// <param name="Reason">不予绑定的理由（必填） / Why it is refused (required).</param>
public sealed record BindingRefusalRequest(string? Reason);

/// <summary>
/// An applicant account asks to be bound to its organisation with the business-licence scan; the authority of the
/// credit code's registration division (or the ministry) approves or refuses it from its worklist.
/// </summary>
public static class BindingRequestsApi
{
    static readonly string[] Deciders = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer];
    static readonly string[] Readers = [PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapBindingRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organisation-bindings").WithTags("Organisations");
        api.MapPost("/", Request).WithName("RequestOrganisationBinding")
            .WithSummary("申请绑定本单位（上传营业执照扫描件） / Ask to be bound to one's organisation, with its business-licence scan")
            .RequireRoles(PlatformRoles.Applicant).DisableAntiforgery()
            .AcceptsMultipartForm(
                new("holderName", "账号持有人姓名（不超过 50 字） / The account holder's name (at most 50 characters)."),
                new("organisationName", "单位名称，与营业执照一致（不超过 200 字） / The organisation's name as on its licence (at most 200 characters)."),
                new("licence", "营业执照扫描件（PDF、JPEG 或 PNG，20 MB 以内，声明的类型须与内容一致） / The business-licence scan " +
                    "(PDF, JPEG or PNG, at most 20 MB; its declared type must match its content).", File: true))
            .WithMetadata(new RequestSizeLimitAttribute(ScanArchive.MaxBytes + 64 * 1024))
            .Produces<BindingRequestDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).WithName("ListOrganisationBindings").WithEnumParameter<BindingStatus>("status")
            .WithSummary("绑定申请列表（推荐单位待审核清单） / Binding requests: the authority's worklist, or the applicant's own")
            .RequireRoles(Readers).Produces<Page<BindingRequestDetails>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{bindingId:guid}", Get).WithName("GetOrganisationBinding").WithSummary("查看绑定申请 / Read a binding request")
            .RequireRoles(Readers).Produces<BindingRequestDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{bindingId:guid}/licence", Licence).WithName("DownloadBusinessLicence")
            .WithSummary("下载营业执照扫描件 / Download the business-licence scan").RequireRoles(Readers)
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{bindingId:guid}/approval", Approve).WithName("ApproveOrganisationBinding")
            .WithSummary("核验通过绑定申请 / Approve a binding after checking the licence and the holder").RequireRoles(Deciders)
            .Produces<BindingRequestDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{bindingId:guid}/refusal", Refuse).WithName("RefuseOrganisationBinding")
            .WithSummary("不予绑定（说明理由） / Refuse a binding, saying why").RequireRoles(Deciders)
            .Produces<BindingRequestDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    static async Task<IResult> Request(HttpRequest http, IDocumentSession session, ScanArchive archive, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (!http.HasFormContentType) return Problems.Of(PlatformRules.UnsupportedMediaType);
        var user = access.User;
        if (user.CreditCode is null || !Guid.TryParse(user.Subject, out var accountId)) return await access.ForbidAsync(PlatformRules.Forbidden);
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            return Problems.Of(PlatformRules.BadRequest); // a malformed multipart body
        }
        var errors = new Dictionary<string, string[]>();
        var holderName = form["holderName"].ToString().Trim();
        var organisationName = form["organisationName"].ToString().Trim();
        var licence = form.Files.GetFile("licence");
        if (holderName.Length is 0 or > 50 || holderName.Any(char.IsControl))
            errors["holderName"] = ["请填写账号持有人姓名（不超过 50 字）。 / Give the account holder's name (at most 50 characters)."];
        if (organisationName.Length is 0 or > 200 || organisationName.Any(char.IsControl))
            errors["organisationName"] = ["请填写单位名称（不超过 200 字）。 / Give the organisation's name (at most 200 characters)."];
        if (licence is null || licence.Length == 0)
            errors["licence"] = ["请上传营业执照扫描件（PDF、JPEG 或 PNG）。 / Upload the business licence's scan (PDF, JPEG or PNG)."];
        if (errors.Count > 0) return Problems.Validation(errors);

        // Checked before the scan is stored, so that a request that will be refused leaves no file behind.
        var organisationId = Organisation.IdFor(user.CreditCode);
        var state = await session.Events.AggregateStreamAsync<Organisation>(organisationId, token: ct);
        var command = new RequestBinding(user.CreditCode, Guid.CreateVersion7(), accountId, holderName, organisationName,
            Authorities.ForRegistrationDivision(user.CreditCode).FirstOrDefault()?.Code, null, user.AuditName);
        _ = OrganisationDecider.Decide(command, state, clock.GetUtcNow());

        // The declared type must match the content; the scan is kept only if the organisation's stream records it.
        await using var body = licence!.OpenReadStream();
        command = await archive.StoreAsync(body, licence.ContentType, async scan =>
        {
            var recorded = command with { Licence = new LicenceScan(scan.DocumentId, scan.ContentType, scan.Length, scan.Sha256) };
            await session.DecideAsync<Organisation>(organisationId, null, s => OrganisationDecider.Decide(recorded, s, clock.GetUtcNow()), ct);
            return recorded;
        }, ct);
        var details = await session.LoadAsync<BindingRequestDetails>(command.BindingId, ct);
        return TypedResults.Created($"/api/v1/organisation-bindings/{command.BindingId}", details);
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        string? status = "pending", string? authorityCode = null, int page = 1, int pageSize = 50)
    {
        var filters = new QueryFilters();
        var statusFilter = filters.Enum<BindingStatus>(status, "status");
        filters.Page(page, pageSize);
        if (filters.Errors.Count > 0) return Problems.Validation(filters.Errors);
        var user = access.User;
        var query = session.Query<BindingRequestDetails>().AsQueryable();
        if (user.Is(PlatformRoles.Applicant))
        {
            var accountId = Guid.TryParse(user.Subject, out var id) ? id : Guid.Empty;
            query = query.Where(b => b.AccountId == accountId);
        }
        else
        {
            var (scope, refused) = await access.AuthorityScopeAsync(authorityCode);
            if (refused is not null) return refused;
            if (scope is not null) query = query.Where(b => b.AuthorityCode == scope);
        }
        if (statusFilter is not null) query = query.Where(b => b.Status == statusFilter);
        var items = await query.OrderBy(b => b.RequestedAt).ToPagedListAsync(page, pageSize, ct);
        await access.ReadAsync(true, OrganisationRules.BindingNotFound);
        return TypedResults.Ok(new Page<BindingRequestDetails>(items.ToList(), items.TotalItemCount, page, pageSize));
    }

    static async Task<IResult> Get(Guid bindingId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var binding = await session.LoadAsync<BindingRequestDetails>(bindingId, ct);
        return await access.ReadAsync(binding is not null && MaySee(access.User, binding), OrganisationRules.BindingNotFound)
            ?? TypedResults.Ok(binding);
    }

    static async Task<IResult> Licence(Guid bindingId, IDocumentSession session, ScanArchive archive, AccessGuard access, CancellationToken ct)
    {
        var binding = await session.LoadAsync<BindingRequestDetails>(bindingId, ct);
        if (await access.ReadAsync(binding?.Licence is not null && MaySee(access.User, binding), OrganisationRules.BindingNotFound) is { } refused)
            return refused;
        var scan = binding!.Licence!;
        return Results.Stream(output => archive.CopyToAsync(scan.DocumentId, output, ct), scan.ContentType,
            $"business-licence-{binding.CreditCode}{ScanArchive.ExtensionOf(scan.ContentType)}");
    }

    static Task<IResult> Approve(Guid bindingId, IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(bindingId, session, access, ct, binding =>
            new ApproveBinding(binding.CreditCode, bindingId, access.User.AuditName), clock);

    static async Task<IResult> Refuse(Guid bindingId, BindingRefusalRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = ["请说明不予绑定的理由（不超过 1000 字）。 / Say why the binding is refused (at most 1000 characters)."],
            });
        return await DecideAsync(bindingId, session, access, ct, binding =>
            new RefuseBinding(binding.CreditCode, bindingId, request.Reason.Trim(), access.User.AuditName), clock);
    }

    static async Task<IResult> DecideAsync(Guid bindingId, IDocumentSession session, AccessGuard access, CancellationToken ct,
        Func<BindingRequestDetails, OrganisationCommand> command, TimeProvider clock)
    {
        var binding = await session.LoadAsync<BindingRequestDetails>(bindingId, ct);
        if (await access.ChangeAsync(binding is not null && Decides(access.User, binding), OrganisationRules.BindingNotFound) is { } refused)
            return refused;
        var decision = command(binding!);
        await session.DecideAsync<Organisation>(Organisation.IdFor(binding!.CreditCode), null,
            state => OrganisationDecider.Decide(decision, state, clock.GetUtcNow()), ct);
        return TypedResults.Ok(await session.LoadAsync<BindingRequestDetails>(bindingId, ct));
    }

    /// <summary>The ministry, or an officer of the authority the request went to (a request no authority takes: the ministry's).</summary>
    static bool Decides(CurrentUser user, BindingRequestDetails binding) =>
        user.Is(PlatformRoles.MinistryOfficer) || (binding.AuthorityCode is { } authority && user.ActsFor(authority));

    static bool MaySee(CurrentUser user, BindingRequestDetails binding) =>
        user.SeesEverything || Decides(user, binding) || (user.Is(PlatformRoles.Applicant) && user.Subject == binding.AccountId.ToString());
}
