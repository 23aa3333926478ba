using Marten;
using Marten.Pagination;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>One page of a list, with what a pager needs.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long TotalCount, int PageNumber, int PageSize);

public static class ReviewCasesApi
{
    static readonly Rule NotFound = Rule.NotFound("review-case-not-found",
        "审核案卷不存在。", "There is no review case for this application.");

    public static RouteGroupBuilder MapReviewCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/review-cases").WithTags("Review cases");
        api.MapGet("/{applicationId:guid}", Get).WithName("GetReviewCase")
            .Produces<ReviewCaseDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", List).WithName("ListReviewCases").Produces<Page<ReviewCaseDetails>>().ProducesValidationProblem();
        return api;
    }

    static async Task<IResult> Get(Guid applicationId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ReviewCaseDetails>(applicationId, ct) is { } details
            ? StreamVersion.WithETag(TypedResults.Ok(details), details.Version)
            : Problems.Of(NotFound);

    static async Task<IResult> List(IQuerySession session, CancellationToken ct,
        string? authorityCode = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["pageSize"] = ["页码从 1 开始，每页 1 至 200 条。 / Pages start at 1 and hold 1 to 200 items."],
            });
        var query = session.Query<ReviewCaseDetails>().AsQueryable();
        if (authorityCode is not null) query = query.Where(c => c.AuthorityCode == authorityCode);
        var items = await query.OrderBy(c => c.SubmittedAt).ToPagedListAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<ReviewCaseDetails>(items.ToList(), items.TotalItemCount, page, pageSize));
    }
}
