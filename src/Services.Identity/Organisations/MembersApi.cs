using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>A colleague's new account, which the administrator invites: it is bound at once, with no second verification.</summary>
/// <param name="UserName">新账号的用户名 / The new account's user name.</param>
/// <param name="Password">新账号的初始密码（至少 10 位，同时包含字母和数字） / Its first password (at least 10 characters, with letters and digits).</param>
/// <param name="HolderName">被邀请人姓名 / The invited colleague's name.</param>
public sealed record InvitationRequest(string? UserName, string? Password, string? HolderName);

/// <summary>Why a member leaves or is removed.</summary>
/// <param name="Reason">理由（可选） / Why (optional).</param>
public sealed record RemovalRequest(string? Reason);

/// <summary>An organisation's verified members: who they are, who invites, who removes.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organisations/{creditCode}/members").WithTags("Organisations");
        api.MapGet("/", List).WithName("ListOrganisationMembers").WithETag().WithSummary("本单位经核验的成员 / An organisation's verified members")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<OrganisationMembers>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", Invite).WithName("InviteOrganisationMember").WithETag()
            .WithSummary("邀请同事（创建已绑定的账号） / The administrator invites a colleague: an account bound at once")
            .RequireRoles(PlatformRoles.Applicant)
            .Produces<AccountDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{accountId:guid}/removal", Remove).WithName("RemoveOrganisationMember").WithETag()
            .WithSummary("移除成员 / Remove a member (the administrator, the member itself, its authority or the ministry)")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer)
            .Produces<OrganisationMembers>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<IResult> List(string creditCode, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var organisation = await session.LoadAsync<OrganisationMembers>(Organisation.IdFor(creditCode), ct);
        return await access.ReadAsync(organisation is not null && MaySee(access.User, organisation), OrganisationRules.NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(organisation), organisation!.Version);
    }

    static async Task<IResult> Invite(string creditCode, InvitationRequest request, IDocumentSession session, AccountOperations accounts,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var user = access.User;
        var organisation = await session.LoadAsync<OrganisationMembers>(Organisation.IdFor(creditCode), ct);
        if (await access.ChangeAsync(organisation is not null && IsMember(user, organisation), OrganisationRules.NotFound) is { } refused)
            return refused;
        var account = new RegisterAccountRequest(request.UserName, request.Password, organisation!.OrganisationName, PlatformRoles.Applicant,
            CreditCode: creditCode);
        var errors = AccountValidation.Validate(account);
        if (string.IsNullOrWhiteSpace(request.HolderName) || request.HolderName.Length > 50)
            errors["holderName"] = ["请填写被邀请人的姓名（不超过 50 字）。 / Give the invited colleague's name (at most 50 characters)."];
        if (errors.Count > 0) return Problems.Validation(errors);

        // The account and its membership are saved together, or neither.
        var accountId = await accounts.StageRegistrationAsync(account, PlatformRoles.Applicant, user.AuditName, ct);
        var invite = new InviteMember(creditCode, accountId, AccountValidation.Normalize(request.UserName!), request.HolderName!.Trim(),
            Guid.Parse(user.Subject), user.AuditName);
        await session.DecideAsync<Organisation>(organisation.Id, null, state => OrganisationDecider.Decide(invite, state, clock.GetUtcNow()), ct);
        return TypedResults.Created($"/api/v1/accounts/{accountId}", await session.LoadAsync<AccountDetails>(accountId, ct));
    }

    static async Task<IResult> Remove(string creditCode, Guid accountId, RemovalRequest request, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var user = access.User;
        var organisation = await session.LoadAsync<OrganisationMembers>(Organisation.IdFor(creditCode), ct);
        if (await access.ChangeAsync(organisation is not null && MayChange(user, organisation), OrganisationRules.NotFound) is { } refused)
            return refused;
        if (request.Reason is { Length: > 1000 })
            return Problems.Validation(new Dictionary<string, string[]> { ["reason"] = ["理由不超过 1000 字。 / At most 1000 characters."] });
        var command = new RemoveMember(creditCode, accountId, request.Reason?.Trim(),
            user.Is(PlatformRoles.Applicant) ? Guid.Parse(user.Subject) : null, !user.Is(PlatformRoles.Applicant), user.AuditName);
        var version = await session.DecideAsync<Organisation>(organisation!.Id, null,
            state => OrganisationDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<OrganisationMembers>(organisation.Id, ct)), version);
    }

    /// <summary>A verified member of the organisation (an account only bound, not yet verified, sees nothing of it).</summary>
    static bool IsMember(CurrentUser user, OrganisationMembers organisation) =>
        user.Is(PlatformRoles.Applicant) && user.CreditCode == organisation.CreditCode
        && organisation.Members.Any(m => m.AccountId.ToString() == user.Subject);

    static bool ActsForAuthority(CurrentUser user, OrganisationMembers organisation) =>
        user.Is(PlatformRoles.MinistryOfficer) || (organisation.AuthorityCode is { } authority && user.ActsFor(authority));

    static bool MaySee(CurrentUser user, OrganisationMembers organisation) =>
        user.SeesEverything || ActsForAuthority(user, organisation) || IsMember(user, organisation);

    static bool MayChange(CurrentUser user, OrganisationMembers organisation) =>
        ActsForAuthority(user, organisation) || IsMember(user, organisation);
}
