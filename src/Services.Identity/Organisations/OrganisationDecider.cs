using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Identity.Organisations;

public abstract record OrganisationCommand(string CreditCode);

/// <summary>An applicant account asks to be bound, with its licence scan (already stored) and its holder's name.</summary>
public sealed record RequestBinding(
    string CreditCode, Guid BindingId, Guid AccountId, string HolderName, string OrganisationName, string? AuthorityCode,
    LicenceScan? Licence, string RequestedBy) : OrganisationCommand(CreditCode);

/// <summary>The organisation's authority (or the ministry) approves a pending binding.</summary>
public sealed record ApproveBinding(string CreditCode, Guid BindingId, string ApprovedBy) : OrganisationCommand(CreditCode);

/// <summary>The organisation's authority (or the ministry) refuses a pending binding, saying why.</summary>
public sealed record RefuseBinding(string CreditCode, Guid BindingId, string Reason, string RefusedBy) : OrganisationCommand(CreditCode);

/// <summary>A member invites a colleague's new account (<see cref="AccountId"/>); <see cref="InviterId"/> is the member's account.</summary>
public sealed record InviteMember(string CreditCode, Guid AccountId, string UserName, string HolderName, Guid InviterId, string InvitedBy)
    : OrganisationCommand(CreditCode);

/// <summary>
/// Remove a member: by the organisation's administrator or the member itself (<see cref="ActorAccountId"/>), or by
/// the organisation's authority or the ministry (<see cref="ByAuthority"/>, checked by the caller).
/// </summary>
public sealed record RemoveMember(string CreditCode, Guid AccountId, string? Reason, Guid? ActorAccountId, bool ByAuthority, string RemovedBy)
    : OrganisationCommand(CreditCode);

public static class OrganisationRules
{
    public static readonly Rule NotFound = Rule.NotFound("organisation-not-found",
        "该单位尚无经核验的账号。", "No account of this organisation has been verified.");
    public static readonly Rule BindingNotFound = Rule.NotFound("organisation-binding-not-found",
        "绑定申请不存在。", "The binding request does not exist.");
    public static readonly Rule AlreadyMember = Rule.Conflict("organisation-already-member",
        "该账号已是本单位经核验的成员。", "This account already is a verified member of the organisation.");
    public static readonly Rule BindingPending = Rule.Conflict("organisation-binding-pending",
        "该账号已有待审核的绑定申请。", "This account already has a binding request waiting for its authority.");
    public static readonly Rule BindingDecided = Rule.Conflict("organisation-binding-decided",
        "该绑定申请已审核。", "This binding request has already been decided.");
    public static readonly Rule AdministratorOnly = new("organisation-administrator-only", 403,
        "只有本单位最早经核验的成员（管理员）可以邀请或移除成员。",
        "Only the organisation's first verified member (its administrator) may invite or remove members.");
    public static readonly Rule MemberNotFound = Rule.NotFound("organisation-member-not-found",
        "该账号不是本单位成员。", "This account is not a member of the organisation.");
}

/// <summary>Decides what an organisation command means, given the organisation's bindings and members and the time.</summary>
public static class OrganisationDecider
{
    public static object[] Decide(OrganisationCommand command, Organisation? state, DateTimeOffset now) => command switch
    {
        RequestBinding c => Request(c, state, now),
        _ when state is null => throw new RuleViolation(command is ApproveBinding or RefuseBinding
            ? OrganisationRules.BindingNotFound : OrganisationRules.NotFound),
        ApproveBinding c => [new OrganisationBindingApproved(Pending(state, c.BindingId).BindingId, state.CreditCode,
            Pending(state, c.BindingId).AccountId, c.ApprovedBy, now)],
        RefuseBinding c => [new OrganisationBindingRefused(c.BindingId, state.CreditCode, Pending(state, c.BindingId).AccountId,
            c.Reason, c.RefusedBy, now)],
        InviteMember c => Invite(c, state, now),
        RemoveMember c => Remove(c, state, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown organisation command."),
    };

    static object[] Request(RequestBinding c, Organisation? state, DateTimeOffset now)
    {
        if (state?.IsMember(c.AccountId) == true) throw new RuleViolation(OrganisationRules.AlreadyMember);
        if (state?.Bindings.Any(b => b.AccountId == c.AccountId && b.Status == BindingStatus.Pending) == true)
            throw new RuleViolation(OrganisationRules.BindingPending);
        return [new OrganisationBindingRequested(c.BindingId, c.CreditCode, c.AccountId, c.HolderName, c.OrganisationName,
            c.AuthorityCode, c.Licence, c.RequestedBy, now)];
    }

    static Binding Pending(Organisation state, Guid bindingId) => state.Find(bindingId) switch
    {
        null => throw new RuleViolation(OrganisationRules.BindingNotFound),
        { Status: not BindingStatus.Pending } => throw new RuleViolation(OrganisationRules.BindingDecided),
        var binding => binding,
    };

    static object[] Invite(InviteMember c, Organisation state, DateTimeOffset now)
    {
        if (state.Administrator != c.InviterId) throw new RuleViolation(OrganisationRules.AdministratorOnly);
        if (state.IsMember(c.AccountId)) throw new RuleViolation(OrganisationRules.AlreadyMember);
        return [new OrganisationMemberInvited(state.CreditCode, c.AccountId, c.UserName, c.HolderName, c.InvitedBy, now)];
    }

    static object[] Remove(RemoveMember c, Organisation state, DateTimeOffset now)
    {
        var mayRemove = c.ByAuthority || c.ActorAccountId == c.AccountId
            || (c.ActorAccountId is { } actor && actor == state.Administrator);
        if (!mayRemove) throw new RuleViolation(OrganisationRules.AdministratorOnly);
        if (!state.IsMember(c.AccountId)) throw new RuleViolation(OrganisationRules.MemberNotFound);
        return [new OrganisationMemberRemoved(state.CreditCode, c.AccountId, c.Reason, c.RemovedBy, now)];
    }
}
