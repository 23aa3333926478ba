using Marten;
using Marten.Pagination;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>One page of a list, with what a pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long TotalCount, int PageNumber, int PageSize);

public static class ReviewCasesApi
{
    static readonly Rule NotFound = Rule.NotFound("review-case-not-found",
        "审核案卷不存在。", "There is no review case for this application.");
    static readonly Rule OwnAuthorityOnly = new("own-authority-only", 403,
        "只能查看本推荐单位的申报。", "You may see only the applications submitted to your own authority.");
    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapReviewCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/review-cases").WithTags("Review cases");
        api.MapGet("/{applicationId:guid}", Get).WithName("GetReviewCase").WithSummary("查看审核案卷 / Read a review case").RequireRoles(Readers)
            .Produces<ReviewCaseDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListReviewCases").WithSummary("审核工作清单 / The worklist of review cases").RequireRoles(Readers)
            .Produces<Page<ReviewCaseDetails>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    static async Task<IResult> Get(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ReviewCaseDetails>(applicationId, ct);
        return await access.ReadAsync(details is not null && access.User.ActsFor(details.AuthorityCode), NotFound)
            ?? StreamVersion.WithETag(TypedResults.Ok(details), details!.Version);
    }

    /// <summary>An officer's worklist is its own authority's; the ministry and auditors may name any authority.</summary>
    static async Task<IResult> List(IDocumentSession session, AccessGuard access, CancellationToken ct,
        string? authorityCode = null, int page = 1, int pageSize = 50)
    {
        var user = access.User;
        if (!user.SeesEverything)
        {
            if (authorityCode is not null && authorityCode != user.AuthorityCode) return await access.ForbidAsync(OwnAuthorityOnly);
            authorityCode = user.AuthorityCode;
        }
        if (page < 1 || pageSize is < 1 or > 200)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["pageSize"] = ["页码从 1 开始，每页 1 至 200 条。 / Pages start at 1 and hold 1 to 200 items."],
            });
        var query = session.Query<ReviewCaseDetails>().AsQueryable();
        if (authorityCode is not null) query = query.Where(c => c.AuthorityCode == authorityCode);
        var items = await query.OrderBy(c => c.SubmittedAt).ToPagedListAsync(page, pageSize, ct);
        await access.ReadAsync(true, NotFound);
        return TypedResults.Ok(new Page<ReviewCaseDetails>(items.ToList(), items.TotalItemCount, page, pageSize));
    }
}
