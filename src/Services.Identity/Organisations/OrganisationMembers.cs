using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>A verified member: how it came to be one (<c>binding-approved</c> or <c>invited</c>) and since when.</summary>
/// <param name="AccountId">成员账号 / The member's account.</param>
/// <param name="HolderName">账号持有人姓名 / The account holder's name.</param>
/// <param name="How">成为成员的方式：binding-approved（核验通过）或 invited（受邀） / How it became a member: binding-approved or invited.</param>
/// <param name="Since">成为成员的时间 / Since when.</param>
public sealed record Member(Guid AccountId, string HolderName, string How, DateTimeOffset Since);

/// <summary>
/// An organisation's verified members, the first its administrator. <see cref="PendingHolders"/> keeps the holders'
/// names of requests not yet decided, so that an approval can name its member.
/// </summary>
/// <param name="Id">单位的流编号 / The organisation's stream id.</param>
/// <param name="Version">版本（即 ETag） / Its version (the ETag).</param>
/// <param name="CreditCode">统一社会信用代码 / The unified social credit code.</param>
/// <param name="OrganisationName">单位名称 / The organisation's name.</param>
/// <param name="AuthorityCode">审核绑定的推荐单位 / The authority that decides its bindings.</param>
/// <param name="Members">经核验的成员，第一位为管理员 / Its verified members, the first its administrator.</param>
/// <param name="PendingHolders">待审核绑定申请的持有人姓名（按申请编号） / The holders' names of pending binding requests, by request id.</param>
public sealed record OrganisationMembers(
    Guid Id, long Version, string CreditCode, string OrganisationName, string? AuthorityCode,
    IReadOnlyList<Member> Members, IReadOnlyDictionary<Guid, string> PendingHolders);

/// <summary>Keeps <see cref="OrganisationMembers"/> in step with each organisation's stream.</summary>
public sealed class OrganisationMembersProjection : SingleStreamProjection<OrganisationMembers, Guid>
{
    public static OrganisationMembers Create(IEvent<OrganisationBindingRequested> e) => new(e.StreamId, e.Version, e.Data.CreditCode,
        e.Data.OrganisationName, e.Data.AuthorityCode, [], new Dictionary<Guid, string> { [e.Data.BindingId] = e.Data.HolderName });

    public static OrganisationMembers Apply(IEvent<OrganisationBindingRequested> e, OrganisationMembers o) => o with
    {
        Version = e.Version,
        PendingHolders = new Dictionary<Guid, string>(o.PendingHolders) { [e.Data.BindingId] = e.Data.HolderName },
    };

    public static OrganisationMembers Apply(IEvent<OrganisationBindingApproved> e, OrganisationMembers o) => o with
    {
        Version = e.Version,
        Members = [.. o.Members.Where(m => m.AccountId != e.Data.AccountId),
            new Member(e.Data.AccountId, o.PendingHolders.GetValueOrDefault(e.Data.BindingId, ""), "binding-approved", e.Data.ApprovedAt)],
        PendingHolders = Without(o.PendingHolders, e.Data.BindingId),
    };

    public static OrganisationMembers Apply(IEvent<OrganisationBindingRefused> e, OrganisationMembers o) =>
        o with { Version = e.Version, PendingHolders = Without(o.PendingHolders, e.Data.BindingId) };

    public static OrganisationMembers Apply(IEvent<OrganisationMemberInvited> e, OrganisationMembers o) => o with
    {
        Version = e.Version,
        Members = [.. o.Members.Where(m => m.AccountId != e.Data.AccountId), new Member(e.Data.AccountId, e.Data.HolderName, "invited", e.Data.InvitedAt)],
    };

    public static OrganisationMembers Apply(IEvent<OrganisationMemberRemoved> e, OrganisationMembers o) =>
        o with { Version = e.Version, Members = [.. o.Members.Where(m => m.AccountId != e.Data.AccountId)] };

    static Dictionary<Guid, string> Without(IReadOnlyDictionary<Guid, string> pending, Guid bindingId) =>
        pending.Where(p => p.Key != bindingId).ToDictionary();
}
