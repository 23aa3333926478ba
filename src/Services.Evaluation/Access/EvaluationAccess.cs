using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Services.Evaluation.Memberships;

namespace ServiceManufacturing.Services.Evaluation.Access;

/// <summary>What a user is to one demonstration.</summary>
public enum DemonstrationRelation
{
    /// <summary>Nothing: the demonstration is answered as if it did not exist.</summary>
    None,
    /// <summary>A verified member of the demonstration's organisation, or the city's own city-authority account: it files.</summary>
    Owner,
    /// <summary>An officer of the demonstration's recommending authority: it follows and explains.</summary>
    Authority,
    /// <summary>The ministry: it acknowledges, returns and evaluates.</summary>
    Ministry,
    /// <summary>An auditor: reads everything, changes nothing.</summary>
    Auditor,
}

/// <summary>
/// Evaluation's one access policy, which every endpoint asks: the demonstration's owner (its organisation's verified
/// members, as Identity reported them, or the city's account), its authority's officers, the ministry and auditors.
/// What is not the user's is answered 404 and recorded (<see cref="AccessGuard"/>); what the user may see but not do, 403.
/// </summary>
public sealed class EvaluationAccess(IDocumentSession session, AccessGuard guard)
{
    public static readonly Rule OwnerOnly = new("demonstration-owner-only", 403,
        "只有该示范的单位账号（已核验成员或城市账号；无信用代码的示范项目为其推荐单位）可以填报评估材料。",
        "Only the demonstration's own account (a verified member, the city's account, or for a project without a credit code its authority) files its material.");
    public static readonly Rule AuthorityOnly = new("demonstration-authority-only", 403,
        "只有该示范的推荐单位可以提交情况说明。", "Only the demonstration's recommending authority files an explanation.");

    public CurrentUser User => guard.User;

    public AccessGuard Guard => guard;

    public async Task<DemonstrationRelation> RelationAsync(DemonstrationDetails demonstration, CancellationToken ct)
    {
        var user = guard.User;
        if (user.Is(PlatformRoles.MinistryOfficer)) return DemonstrationRelation.Ministry;
        if (user.Is(PlatformRoles.Auditor)) return DemonstrationRelation.Auditor;
        if (user.Is(PlatformRoles.AuthorityOfficer))
            return user.AuthorityCode == demonstration.AuthorityCode ? DemonstrationRelation.Authority : DemonstrationRelation.None;
        if (user.Is(PlatformRoles.CityAuthority))
            return demonstration.Category == DemonstrationCategory.City && user.City is { } city
                && Demonstration.Normalise(city) == Demonstration.Normalise(demonstration.Name) ? DemonstrationRelation.Owner : DemonstrationRelation.None;
        if (user.Is(PlatformRoles.Applicant) && demonstration.CreditCode is not null)
            return await session.LoadAsync<Membership>(Membership.IdFor(user.Subject), ct) is { } m && m.VerifiedMemberOf(demonstration.CreditCode)
                ? DemonstrationRelation.Owner : DemonstrationRelation.None;
        return DemonstrationRelation.None;
    }

    /// <summary>The demonstration, when the user may see it; else the refusal (404, recorded). An auditor's read is recorded.</summary>
    public async Task<(DemonstrationDetails? Demonstration, IResult? Refused)> ReadAsync(Guid demonstrationId, CancellationToken ct)
    {
        var demonstration = await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct);
        var relation = demonstration is null ? DemonstrationRelation.None : await RelationAsync(demonstration, ct);
        return await guard.ReadAsync(relation != DemonstrationRelation.None, DemonstrationRules.NotFound) is { } refused
            ? (null, refused) : (demonstration, null);
    }

    /// <summary>
    /// A project of an earlier batch may have no credit code, so no organisation's account can be verified for it: its
    /// recommending authority's officers file for it (the authority is its account).
    /// </summary>
    public static bool FiledByItsAuthority(DemonstrationDetails demonstration) =>
        demonstration.Category == DemonstrationCategory.Project && string.IsNullOrEmpty(demonstration.CreditCode);

    /// <summary>The demonstration, when the user may act on it as <paramref name="needed"/>: 404 when it may not see it, 403 when it sees but may not act.</summary>
    public async Task<(DemonstrationDetails? Demonstration, IResult? Refused)> ActAsync(Guid demonstrationId, DemonstrationRelation needed,
        CancellationToken ct)
    {
        var demonstration = await session.LoadAsync<DemonstrationDetails>(demonstrationId, ct);
        var relation = demonstration is null ? DemonstrationRelation.None : await RelationAsync(demonstration, ct);
        if (await guard.ChangeAsync(relation != DemonstrationRelation.None, DemonstrationRules.NotFound) is { } hidden) return (null, hidden);
        if (relation == needed) return (demonstration, null);
        if (needed == DemonstrationRelation.Owner && relation == DemonstrationRelation.Authority && FiledByItsAuthority(demonstration!))
            return (demonstration, null);
        return (null, await guard.ForbidAsync(needed == DemonstrationRelation.Authority ? AuthorityOnly : needed == DemonstrationRelation.Owner
            ? OwnerOnly : PlatformRules.Forbidden));
    }

    /// <summary>The demonstrations the user owns (its organisation's, or its city).</summary>
    public async Task<IReadOnlyList<DemonstrationDetails>> OwnAsync(CancellationToken ct)
    {
        var user = guard.User;
        if (user.Is(PlatformRoles.CityAuthority) && user.City is { } city)
            return (await session.Query<DemonstrationDetails>().Where(d => d.Category == DemonstrationCategory.City && d.WithdrawnAt == null).ToListAsync(ct))
                .Where(d => Demonstration.Normalise(d.Name) == Demonstration.Normalise(city)).ToList();
        if (user.Is(PlatformRoles.Applicant) && await session.LoadAsync<Membership>(Membership.IdFor(user.Subject), ct) is { Verified: true } m)
            return await session.Query<DemonstrationDetails>().Where(d => d.CreditCode == m.CreditCode && d.WithdrawnAt == null).ToListAsync(ct);
        return [];
    }
}
