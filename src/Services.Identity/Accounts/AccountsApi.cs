using System.ComponentModel.DataAnnotations;
using Marten;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>A password change: the user's own (with the current password) or a ministry officer's reset.</summary>
/// <param name="CurrentPassword">当前密码；修改自己的密码时必填 / The current password; required to change one's own.</param>
/// <param name="NewPassword">新密码（必填，至少 10 位，同时包含字母和数字） / The new password (required; at least 10 characters, with letters and digits).</param>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>An applicant registering itself: its organisation is named by its unified social credit code.</summary>
/// <param name="UserName">用户名（必填，3 至 64 位小写字母、数字或 . _ @ -） / The user name (required; 3 to 64 lower-case letters, digits or . _ @ -).</param>
/// <param name="Password">密码（必填，至少 10 位，同时包含字母和数字） / The password (required; at least 10 characters, with letters and digits).</param>
/// <param name="DisplayName">显示名称，通常是单位名称（必填，不超过 200 字） / The name shown, usually the organisation's (required, at most 200 characters).</param>
/// <param name="CreditCode">申报单位的统一社会信用代码（必填，18 位） / The organisation's unified social credit code (required, 18 characters with a valid check character).</param>
public sealed record ApplicantRegistrationRequest(
    [property: Required] string? UserName, [property: Required] string? Password, [property: Required] string? DisplayName,
    [property: Required] string? CreditCode);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        api.MapPost("/applicants", RegisterApplicant).WithName("RegisterApplicant").WithETag().WithSummary("申报单位注册 / An applicant registers itself").AllowAnonymous()
            .Produces<AccountDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/", Create).WithName("CreateAccount").WithETag().WithSummary("创建账号 / The ministry creates an account").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<AccountDetails>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", List).WithName("ListAccounts").WithParameterValues("role", PlatformRoles.All).ProducesValidationProblem().WithSummary("账号列表 / List accounts").RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<AccountDetails>>();
        api.MapGet("/me", Me).WithName("GetMyAccount").WithETag().WithSummary("我的账号 / The signed-in account").Produces<AccountDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{accountId:guid}", Get).WithName("GetAccount").WithETag().WithSummary("查看账号 / Read an account")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<AccountDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/me/password", ChangeOwnPassword).WithName("ChangeMyPassword").WithSummary("修改密码 / Change one's own password")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        api.MapPost("/{accountId:guid}/password", ResetPassword).WithName("ResetPassword").WithSummary("重置密码 / The ministry resets a password")
            .RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static Task<IResult> RegisterApplicant(ApplicantRegistrationRequest request, AccountOperations accounts, IQuerySession session, CancellationToken ct) =>
        RegisterAsync(new RegisterAccountRequest(request.UserName, request.Password, request.DisplayName, PlatformRoles.Applicant,
            CreditCode: request.CreditCode), accounts, session, null, ct);

    static Task<IResult> Create(RegisterAccountRequest request, AccountOperations accounts, IQuerySession session, AccessGuard access, CancellationToken ct) =>
        RegisterAsync(request, accounts, session, access.User.Subject, ct);

    static async Task<IResult> RegisterAsync(RegisterAccountRequest request, AccountOperations accounts, IQuerySession session,
        string? registeredBy, CancellationToken ct)
    {
        if (AccountValidation.Validate(request) is { Count: > 0 } errors) return Problems.Validation(errors);
        var id = await accounts.RegisterAsync(request, request.Role!, registeredBy, ct);
        var details = await session.LoadAsync<AccountDetails>(id, ct);
        return StreamVersion.WithETag(TypedResults.Created($"/api/v1/accounts/{id}", details), details!.Version);
    }

    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct, string? role = null)
    {
        var filters = new QueryFilters();
        role = filters.OneOf(role, "role", PlatformRoles.All);
        if (filters.Errors.Count > 0) return Problems.Validation(filters.Errors);
        var query = session.Query<AccountDetails>().AsQueryable();
        if (role is not null) query = query.Where(a => a.Role == role);
        await access.ReadAsync(true, AccountRules.NotFound);
        return TypedResults.Ok(await query.OrderBy(a => a.UserName).Take(1000).ToListAsync(ct));
    }

    static async Task<IResult> Me(IQuerySession session, AccessGuard access, CancellationToken ct) =>
        Guid.TryParse(access.User.Subject, out var id) && await session.LoadAsync<AccountDetails>(id, ct) is { } details
            ? StreamVersion.WithETag(TypedResults.Ok(details), details.Version)
            : Problems.Of(AccountRules.NotFound);

    static async Task<IResult> Get(Guid accountId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<AccountDetails>(accountId, ct);
        return await access.ReadAsync(details is not null, AccountRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    static async Task<IResult> ChangeOwnPassword(ChangePasswordRequest request, AccountOperations accounts, AccessGuard access, CancellationToken ct)
    {
        if (AccountValidation.PasswordProblem(request.NewPassword) is { } problem)
            return Problems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
        if (!Guid.TryParse(access.User.Subject, out var id)) return Problems.Of(AccountRules.NotFound);
        await accounts.ChangePasswordAsync(id, request.CurrentPassword ?? "", request.NewPassword!, null, ct);
        return TypedResults.NoContent();
    }

    static async Task<IResult> ResetPassword(Guid accountId, ChangePasswordRequest request, AccountOperations accounts,
        AccessGuard access, CancellationToken ct)
    {
        if (AccountValidation.PasswordProblem(request.NewPassword) is { } problem)
            return Problems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [problem] });
        await accounts.ChangePasswordAsync(accountId, null, request.NewPassword!, access.User.Subject, ct);
        return TypedResults.NoContent();
    }
}
