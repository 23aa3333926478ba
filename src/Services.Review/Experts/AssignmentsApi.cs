using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>The ministry's side of expert review: the campaign's settings, assignment (automatic and by hand), consensus.</summary>
public static class AssignmentsApi
{
    public static void MapAssignments(RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{campaignId:guid}/settings", Settings).WithName("GetExpertReviewSettings")
            .WithSummary("专家评审设置与评分表 / A campaign's expert-review settings and scoring sheets")
            .RequireRoles(PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert).Produces<ExpertReviewSettings>();
        api.MapPut("/campaigns/{campaignId:guid}/settings", ChangeSettings).WithName("ChangeExpertReviewSettings")
            .WithSummary("设置专家人数、评审上限、极差阈值与评分表（已有评分的类别评分表不再修改，上限不低于已分配数） / " +
                "Set experts per application, load limit, spread threshold and scoring sheets (a scored category's sheet is frozen; the limit stays above the load carried)")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<ExpertReviewSettings>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/campaigns/{campaignId:guid}/categories/{category}/automatic-assignment", AssignAutomatically)
            .WithName("AssignExpertsAutomatically").WithEnumParameter<ApplicationCategory>("category")
            .WithSummary("自动分配一个类别的评审专家（按专长、回避、负载均衡），并报告未能足额分配的申报 / " +
                "Assign a whole category automatically (by expertise, never conflicted, load balanced) and report what could not be covered")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<AutomaticAssignmentReport>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/applications/{applicationId:guid}/assignments", Assign).WithName("AssignExpert")
            .WithSummary("手工分配评审专家（有利益冲突或超出上限的拒绝） / Assign an expert by hand (refused if conflicted or over the limit)")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<ExpertReviewDetails>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/applications/{applicationId:guid}/assignments/{expertSubject}", Unassign).WithName("UnassignExpert")
            .WithSummary("撤销评审专家的分配 / Remove an expert's assignment").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<ExpertReviewDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/applications/{applicationId:guid}/consensus", Consensus).WithName("RecordExpertConsensus")
            .WithSummary("记录专家合议（各项合议分与意见），结束专家评审 / Record the experts' consensus (agreed scores and comments), concluding expert review")
            .RequireRoles(PlatformRoles.MinistryOfficer).Produces<ExpertReviewDetails>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    static async Task<IResult> Settings(Guid campaignId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var settings = await ExpertReviewScope.SettingsAsync(session, campaignId, ct);
        await access.ReadAsync(true, ExpertReviewRules.ApplicationNotFound);
        return TypedResults.Ok(settings);
    }

    static async Task<IResult> ChangeSettings(Guid campaignId, ExpertReviewSettingsRequest request, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var panels = await session.Query<ExpertPanelView>().Where(p => p.CampaignId == campaignId).ToListAsync(ct);
        var command = new ChangeExpertReviewSettings(campaignId, request.ExpertsPerApplication, request.MaxLoadPerExpert, request.SpreadThreshold,
            request.Sheets, panels.Where(p => p.Scores.Count > 0).Select(p => p.Category).ToHashSet(), access.User.AuditName);
        var (settings, board) = (ExpertReviewSettings.IdFor(campaignId), AssignmentBoard.IdFor(campaignId));
        // The board is read for the load each expert carries, and held to it: an assignment meanwhile makes this decide again.
        await session.DecideAsync([StreamToWrite.Of<ExpertReviewSettings>(settings), StreamToWrite.Of<AssignmentBoard>(board)],
            states => new Dictionary<Guid, object[]>
            {
                [settings] = ExpertReviewSettingsDecider.Decide(command, states.Of<ExpertReviewSettings>(settings), states.Of<AssignmentBoard>(board),
                    clock.GetUtcNow()),
            }, ct);
        return TypedResults.Ok(await ExpertReviewScope.SettingsAsync(session, campaignId, ct));
    }

    static async Task<IResult> AssignAutomatically(Guid campaignId, string category, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        var filters = new QueryFilters();
        var kind = filters.Enum<ApplicationCategory>(category, "category");
        if (kind is null) return Problems.Validation(filters.Errors.Count > 0 ? filters.Errors : new() { ["category"] = ["未知类别。 / Unknown category."] });
        var applications = await ExpertReviewScope.OfCampaignAsync(session, campaignId, kind, ct);
        var experts = await session.Query<ExpertProfile>().Where(e => e.Active).ToListAsync(ct);
        var command = new AssignCategory(campaignId, kind.Value, applications, [.. experts], await ExpertReviewScope.SettingsAsync(session, campaignId, ct),
            access.User.AuditName);
        var board = AssignmentBoard.IdFor(campaignId);
        IReadOnlyList<UncoveredApplication> uncovered = [];
        var made = 0;
        await session.DecideAsync([StreamToWrite.Of<AssignmentBoard>(board), .. applications.Select(a => StreamToWrite.Of<ExpertPanel>(ExpertPanel.IdFor(a.ApplicationId)))],
            states =>
            {
                var decided = ExpertReviewDecider.Decide(command, states.Of<AssignmentBoard>(board),
                    applications.ToDictionary(a => a.ApplicationId, a => states.Of<ExpertPanel>(ExpertPanel.IdFor(a.ApplicationId))), clock.GetUtcNow(), out uncovered);
                made = decided[board].Length;
                return decided;
            }, ct);
        return TypedResults.Ok(new AutomaticAssignmentReport(campaignId, kind.Value, applications.Count, made, uncovered));
    }

    static async Task<IResult> Assign(Guid applicationId, AssignmentRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ExpertSubject) || request.ExpertSubject.Length > 100)
            return Problems.Validation(new Dictionary<string, string[]> { ["expertSubject"] = ["请给出专家账号。 / Name the expert's account."] });
        if (await InHandAsync(session, access, applicationId, ct) is not { } application) return Problems.Of(ExpertReviewRules.ApplicationNotFound);
        var expert = await session.LoadAsync<ExpertProfile>(request.ExpertSubject, ct);
        var command = new AssignExpert(application, request.ExpertSubject, expert, await ExpertReviewScope.SettingsAsync(session, application.CampaignId, ct),
            access.User.AuditName);
        await DecideAsync(session, application, (board, panel, _) => ExpertReviewDecider.Decide(command, board, panel, clock.GetUtcNow()), ct);
        return await ExpertWorkApi.DetailsAsync(session, access, applicationId, ct);
    }

    static async Task<IResult> Unassign(Guid applicationId, string expertSubject, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (await InHandAsync(session, access, applicationId, ct) is not { } application) return Problems.Of(ExpertReviewRules.ApplicationNotFound);
        var command = new UnassignExpert(application, expertSubject, access.User.AuditName);
        await DecideAsync(session, application, (board, panel, _) => ExpertReviewDecider.Decide(command, board, panel, clock.GetUtcNow()), ct);
        return await ExpertWorkApi.DetailsAsync(session, access, applicationId, ct);
    }

    static async Task<IResult> Consensus(Guid applicationId, ScoresRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        if (await InHandAsync(session, access, applicationId, ct) is not { } application) return Problems.Of(ExpertReviewRules.ApplicationNotFound);
        var settings = await ExpertReviewScope.SettingsAsync(session, application.CampaignId, ct);
        var errors = settings.SheetFor(application.Category).Problems(request.Scores);
        if ((request.Comment?.Length ?? 0) > 2000) errors["comment"] = ["意见不超过 2000 字。 / At most 2000 characters."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var command = new RecordConsensus(application, request.Scores!, request.Comment, settings, access.User.AuditName);
        await DecideAsync(session, application, (board, panel, reviewCase) => ExpertReviewDecider.Decide(command, board, panel, reviewCase, clock.GetUtcNow()), ct,
            withCase: true);
        return await ExpertWorkApi.DetailsAsync(session, access, applicationId, ct);
    }

    /// <summary>The application, when the ministry has it in hand (recorded as a read), else null (a refusal is recorded).</summary>
    static async Task<ApplicationToReview?> InHandAsync(IDocumentSession session, AccessGuard access, Guid applicationId, CancellationToken ct)
    {
        var application = await ExpertReviewScope.OfApplicationAsync(session, applicationId, ct);
        return await access.ChangeAsync(application is not null, ExpertReviewRules.ApplicationNotFound) is null ? application : null;
    }

    /// <summary>One write over the campaign's board, the application's panel and (for the consensus) its case.</summary>
    internal static Task DecideAsync(IDocumentSession session, ApplicationToReview application,
        Func<AssignmentBoard?, ExpertPanel?, ReviewCase?, IReadOnlyDictionary<Guid, object[]>> decide, CancellationToken ct, bool withCase = false)
    {
        var board = AssignmentBoard.IdFor(application.CampaignId);
        var panel = ExpertPanel.IdFor(application.ApplicationId);
        List<StreamToWrite> streams = [StreamToWrite.Of<AssignmentBoard>(board), StreamToWrite.Of<ExpertPanel>(panel)];
        if (withCase) streams.Add(StreamToWrite.Of<ReviewCase>(application.ApplicationId));
        return session.DecideAsync(streams, states => decide(states.Of<AssignmentBoard>(board), states.Of<ExpertPanel>(panel),
            withCase ? states.Of<ReviewCase>(application.ApplicationId) : null), ct);
    }
}
