using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>A verified member: how it came to be one (<c>binding-approved</c> or <c>invited</c>) and since when.</summary>
public sealed record Member(Guid AccountId, string HolderName, string How, DateTimeOffset Since);

/// <summary>
/// An organisation's verified members, the first its administrator. <see cref="PendingHolders"/> keeps the holders'
/// names of requests not yet decided, so that an approval can name its member.
/// </summary>
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
