using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Memberships;

namespace ServiceManufacturing.Services.Registration.Roster;

/// <summary>One of the caller's demonstration titles, as Evaluation last told Registration.</summary>
/// <param name="DemonstrationId">示范编号 / The demonstration.</param>
/// <param name="Batch">第几批 / The batch.</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Name">名称 / The name.</param>
/// <param name="TitleRevoked">示范称号已被撤销 / Whether the ministry revoked the title.</param>
/// <param name="RevokedReasons">撤销理由 / Why it was revoked.</param>
public sealed record DemonstrationTitle(Guid DemonstrationId, int Batch, DemonstrationCategory Category, string Name, bool TitleRevoked,
    string? RevokedReasons);

public static class DemonstrationTitlesApi
{
    public static RouteGroupBuilder MapDemonstrationTitlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstration-titles").WithTags("Applications");
        api.MapGet("/", Own).WithName("ListOwnDemonstrationTitles")
            .WithSummary("本单位（或本城市）的示范称号及是否被撤销 / The caller's demonstration titles, and whether each was revoked")
            .RequireRoles(PlatformRoles.Applicant, PlatformRoles.CityAuthority).Produces<IReadOnlyList<DemonstrationTitle>>()
            .EventuallyConsistent("评估结果来自评估服务的消息 / Outcomes arrive from Evaluation's messages.");
        return api;
    }

    /// <summary>A verified member sees its organisation's titles; a city's account its city's.</summary>
    static async Task<IResult> Own(IQuerySession session, AccessGuard access, CancellationToken ct)
    {
        var user = access.User;
        IReadOnlyList<EarlierDemonstration> titles = [];
        if (user.Is(PlatformRoles.Applicant) && await session.LoadAsync<Membership>(Membership.IdFor(user.Subject), ct) is { Verified: true } m)
            titles = await session.Query<EarlierDemonstration>().Where(d => d.CreditCode == m.CreditCode).ToListAsync(ct);
        else if (user.Is(PlatformRoles.CityAuthority) && user.City is { } city)
            titles = await session.Query<EarlierDemonstration>()
                .Where(d => d.Category == DemonstrationCategory.City && d.NormalisedName == EarlierDemonstration.Normalise(city)).ToListAsync(ct);
        return TypedResults.Ok(titles.Where(d => !d.Withdrawn).OrderBy(d => d.Batch)
            .Select(d => new DemonstrationTitle(d.Id, d.Batch, d.Category, d.Name, d.TitleRevoked, d.RevokedReasons)).ToList());
    }
}
