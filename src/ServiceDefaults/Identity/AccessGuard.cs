using Marten;
using Microsoft.AspNetCore.Http;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Identity;

/// <summary>
/// Resource checks: what is not the user's is answered as if it did not exist (an officer of Hebei asking for a
/// Jiangsu application gets 404, not the data), and the refusal is recorded; an auditor's read is recorded too.
/// </summary>
public sealed class AccessGuard(IDocumentSession session, IHttpContextAccessor http, TimeProvider clock)
{
    HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>The signed-in user.</summary>
    public CurrentUser User => CurrentUser.From(Context.User);

    /// <summary>Null when <paramref name="allowed"/> (recording an auditor's read), else the 404 of <paramref name="notFound"/>.</summary>
    public async Task<IResult?> ReadAsync(bool allowed, Rule notFound)
    {
        if (!allowed) return await RefuseAsync(notFound);
        await AccessLog.ReadAsync(session, User, Context, clock);
        return null;
    }

    /// <summary>Null when <paramref name="allowed"/>, else the 404 of <paramref name="notFound"/>, recorded.</summary>
    public async Task<IResult?> ChangeAsync(bool allowed, Rule notFound) => allowed ? null : await RefuseAsync(notFound);

    /// <summary>403 for a request the user's role allows in general but not for these data, recorded.</summary>
    public async Task<IResult> ForbidAsync(Rule rule)
    {
        await AccessLog.DeniedAsync(session, User, Context, rule.Code, clock);
        return Problems.Of(rule);
    }

    /// <summary>
    /// The authority a list is scoped to: whatever the ministry or an auditor asks for (null: all); for an officer,
    /// its own, and a 403 (recorded) when it asks for another's.
    /// </summary>
    public async Task<(string? AuthorityCode, IResult? Refused)> AuthorityScopeAsync(string? requested)
    {
        if (User.SeesEverything) return (requested, null);
        if (requested is not null && requested != User.AuthorityCode) return (null, await ForbidAsync(PlatformRules.OwnAuthorityOnly));
        return (User.AuthorityCode, null);
    }

    async Task<IResult> RefuseAsync(Rule notFound)
    {
        await AccessLog.DeniedAsync(session, User, Context, "resource", clock);
        return Problems.Of(notFound);
    }
}
