using Marten;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// The expert's side of expert review: his assignments, the declaration before opening, the documents (by signed links),
/// his own scores, and the others' once he has submitted his. What an expert may see is answered by
/// <see cref="ApplicationSight"/> alone: unassigned, undeclared or conflicted, he gets 404.
/// </summary>
public static class ExpertWorkApi
{
    static readonly string[] Readers = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert];

    public static void MapExpertWork(RouteGroupBuilder api)
    {
        api.MapGet("/my-assignments", MyAssignments).WithName("ListMyExpertAssignments")
            .WithSummary("我的评审任务 / The applications assigned to the signed-in expert").RequireRoles(PlatformRoles.Expert)
            .Produces<IReadOnlyList<ExpertAssignment>>();
        api.MapPost("/applications/{applicationId:guid}/declaration", Declare).WithName("DeclareConflictOfInterest")
            .WithSummary("阅看前声明有无利益冲突（声明存在冲突即撤销分配） / Declare, before opening, whether there is a conflict of interest (a conflict ends the assignment)")
            .RequireRoles(PlatformRoles.Expert).Produces<ExpertReviewDetails>().Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/applications/{applicationId:guid}", Details).WithName("GetExpertReview")
            .WithSummary("查看一份申报的专家评审（分配、可见的评分、合议） / An application's expert review: assignments, the scores one may see, consensus")
            .RequireRoles(Readers).Produces<ExpertReviewDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/applications/{applicationId:guid}/scores", Scores).WithName("ListExpertScores")
            .WithSummary("全部专家评分（专家须先提交本人评分） / Every expert's scores (an expert only after submitting his own)")
            .RequireRoles(Readers).Produces<IReadOnlyList<ExpertScores>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/applications/{applicationId:guid}/my-scores", SubmitScores).WithName("SubmitExpertScores")
            .WithSummary("提交本人评分（独立评分，提交后不可修改） / Submit one's own scores (alone; they do not change afterwards)")
            .RequireRoles(PlatformRoles.Expert).Produces<ExpertReviewDetails>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/applications/{applicationId:guid}/document-links", DocumentLinkFor).WithName("IssueDocumentLink")
            .WithSummary("获取申报书或盖章扫描件的短期签名链接 / A short-lived signed link to the form or the stamped scan")
            .RequireRoles(PlatformRoles.Expert, PlatformRoles.MinistryOfficer).Produces<DocumentLink>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    static async Task<IResult> MyAssignments(IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var subject = access.User.Subject;
        var expert = await session.LoadAsync<ExpertProfile>(subject, ct);
        var panels = await session.Query<ExpertPanelView>().Where(p => p.Members.Any(m => m.ExpertSubject == subject)).ToListAsync(ct);
        var cases = (await session.LoadManyAsync<ReviewCaseDetails>(ct, panels.Select(p => p.Id).ToArray())).ToDictionary(c => c.Id);
        await access.ReadAsync(true, ExpertReviewRules.ApplicationNotFound);
        return TypedResults.Ok(panels.Where(p => cases.ContainsKey(p.Id)).Select(p => (Panel: p, Case: cases[p.Id]))
            // A conflict computed since the assignment hides the application, as everywhere.
            .Where(x => expert is not null && new ApplicationSight(access.User, x.Case, x.Panel, expert).IsAssignedExpert)
            .Select(x => new ExpertAssignment(x.Panel.Id, x.Panel.CampaignId, x.Panel.Category, x.Case.OrganisationName, x.Case.CreditCode,
                x.Case.AuthorityCode, x.Case.RelatedParties ?? [], x.Panel.Member(subject)!.DeclaredNoConflict, x.Panel.HasScored(subject)))
            .OrderBy(a => a.Category).ThenBy(a => a.OrganisationName).ToList());
    }

    static async Task<IResult> Declare(Guid applicationId, DeclarationRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        if (await access.ChangeAsync(sight.IsAssignedExpert, ExpertReviewRules.ApplicationNotFound) is { } refused) return refused;
        var errors = new Dictionary<string, string[]>();
        if (request.HasConflict is null) errors["hasConflict"] = ["请声明是否存在利益冲突。 / Declare whether there is a conflict."];
        if (request.Reason?.Length > 1000) errors["reason"] = ["说明不超过 1000 字。 / The reason is at most 1000 characters."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var command = new DeclareConflictOfInterest(ExpertReviewScope.Of(sight.Case!), access.User.Subject, request.HasConflict!.Value, request.Reason);
        await AssignmentsApi.DecideAsync(session, command.Application, (board, panel, _) => ExpertReviewDecider.Decide(command, board, panel, clock.GetUtcNow()), ct);
        return request.HasConflict!.Value ? TypedResults.NoContent() : await DetailsAsync(session, access, applicationId, ct);
    }

    static Task<IResult> Details(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct) =>
        DetailsAsync(session, access, applicationId, ct);

    /// <summary>The application's expert review as the user may see it, or 404.</summary>
    internal static async Task<IResult> DetailsAsync(IDocumentSession session, AccessGuard access, Guid applicationId, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        if (await access.ReadAsync(sight.MaySeeExpertReview, ExpertReviewRules.ApplicationNotFound) is { } refused) return refused;
        var subjects = sight.Panel!.Members.Select(m => m.ExpertSubject).ToArray();
        var experts = (await session.LoadManyAsync<ExpertProfile>(ct, subjects)).ToDictionary(e => e.Id);
        var settings = await ExpertReviewScope.SettingsAsync(session, sight.Panel.CampaignId, ct);
        return TypedResults.Ok(ExpertReviewDetails.For(sight, settings, experts));
    }

    static async Task<IResult> Scores(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        if (await access.ReadAsync(sight.MaySeeExpertReview, ExpertReviewRules.ApplicationNotFound) is { } refused) return refused;
        if (!sight.MaySeeOthersScores) return await access.ForbidAsync(ExpertReviewRules.OwnScoresFirst);
        return TypedResults.Ok(sight.Panel!.Scores);
    }

    static async Task<IResult> SubmitScores(Guid applicationId, ScoresRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        if (await access.ChangeAsync(sight.ExpertMayOpen, ExpertReviewRules.ApplicationNotFound) is { } refused) return refused;
        var settings = await ExpertReviewScope.SettingsAsync(session, sight.Case!.CampaignId, ct);
        var sheet = settings.SheetFor(sight.Case.Category);
        var errors = sheet.Problems(request.Scores);
        if ((request.Comment?.Length ?? 0) > 2000) errors["comment"] = ["意见不超过 2000 字。 / At most 2000 characters."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var command = new SubmitExpertScores(ExpertReviewScope.Of(sight.Case), access.User.Subject, request.Scores!, request.Comment, sheet);
        await AssignmentsApi.DecideAsync(session, command.Application, (board, panel, _) => ExpertReviewDecider.Decide(command, board, panel, clock.GetUtcNow()), ct);
        return await DetailsAsync(session, access, applicationId, ct);
    }

    static async Task<IResult> DocumentLinkFor(Guid applicationId, DocumentLinkRequest request, IDocumentSession session, AccessGuard access,
        DocumentLinks links, CancellationToken ct)
    {
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        var allowed = access.User.Is(PlatformRoles.Expert) ? sight.ExpertMayOpen : sight.MaySeeCase;
        if (await access.ReadAsync(allowed, ExpertReviewRules.ApplicationNotFound) is { } refused) return refused;
        if (request.Document is null || !DocumentLinks.Documents.Contains(request.Document))
            return Problems.Validation(new Dictionary<string, string[]> { ["document"] = ["请选择 form 或 stamped-form。 / Choose form or stamped-form."] });
        var (path, expiresAt) = links.Issue(applicationId, request.Document, access.User.Subject);
        return TypedResults.Ok(new DocumentLink(path, expiresAt));
    }
}
