using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// The public notice (网上公示), its objections and the final selection. The notice is readable without signing in;
/// objections are filed by a signed-in user under a real name with a telephone number (实名异议), during the notice period.
/// </summary>
public static class SelectionApi
{
    static readonly string[] Ministry = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapSelectionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/selection").WithTags("Selection");
        api.MapPost("/public-notice", Publish).WithName("PublishPublicNotice").WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives)
            .WithSummary("发布公示名单与公示期 / Publish the candidate list for its notice period").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<PublicNoticeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/public-notice", Notice).WithName("GetPublicNotice").AllowAnonymous()
            .WithSummary("公示名单（无需登录） / The public notice, readable without signing in")
            .Produces<PublicNoticeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/candidates/{applicationId:guid}/objections", Object).WithName("FileObjection")
            .WithSummary("公示期内实名提出异议 / Object to a candidate during the notice period, under a real name")
            .RequireAuthorization().Produces<ObjectionReceipt>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/candidates/{applicationId:guid}/objections/{objectionId:guid}/resolution", Resolve).WithName("ResolveObjection").WithConcurrency()
            .WithSummary("处理异议并写明结果 / Resolve an objection with its written outcome").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<Candidacy>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/candidates/{applicationId:guid}/decision", Decide).WithName("DecideCandidate").WithConcurrency().EventuallyConsistent(ReviewLag.ApplicantSees)
            .WithSummary("公示期满后决定入选或不予入选 / After the notice period, select or decline a candidate").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<Candidacy>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/candidates", Candidates).WithName("ListCandidates").WithSummary("公示候选及其异议、决定 / The candidates with objections and decisions")
            .RequireRoles(Ministry).Produces<IReadOnlyList<Candidacy>>().ProducesValidationProblem();
        api.MapGet("/cases/{applicationId:guid}", Case).WithName("GetSelectionCase")
            .WithSummary("一个申报的专家分配、评分、合议、现场考查与遴选决定 / An application's assignments, scores, consensus, visit and decision").RequireRoles(Ministry)
            .Produces<SelectionCase>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/progress", Progress).WithName("GetSelectionProgress")
            .WithSummary("各类别的考查与遴选进度 / Visits and decisions per category").RequireRoles(Ministry)
            .Produces<IReadOnlyList<SelectionProgress>>().ProducesValidationProblem();
        api.MapGet("/progress/spreadsheet", ProgressTable).WithName("DownloadCampaignProgress").WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives)
            .WithSummary("下载各类别评审与遴选进度（XLSX，中文表头：已分配、已声明、已评分、已合议、已考查、已决定） / " +
                "Download the progress per category (XLSX, Chinese headers: assigned, declared, scored, in consensus, visited, decided)")
            .RequireRoles(Ministry).Produces<byte[]>(StatusCodes.Status200OK, SummaryTable.ContentType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/final-list", Final).WithName("GetFinalList").WithSummary("最终示范名单 / The final list").RequireRoles(Ministry)
            .Produces<IReadOnlyList<FinalListEntry>>().ProducesValidationProblem();
        api.MapGet("/final-list/spreadsheet", FinalSpreadsheet).WithName("DownloadFinalList").WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives)
            .WithSummary("下载最终示范名单（XLSX） / Download the final list (XLSX)").RequireRoles(Ministry)
            .Produces<byte[]>(StatusCodes.Status200OK, SummaryTable.ContentType).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    static IResult CampaignRequired() =>
        Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });

    /// <summary>Every application that concluded expert review in the campaign, decided over its case, its visit and its candidacy.</summary>
    static async Task<IResult> Publish(PublishNoticeRequest request, IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CampaignId is null || request.Starts is null || request.Ends is null)
            errors["ends"] = ["请给出批次和公示的起止日期。 / Give the campaign and the notice's first and last days."];
        PlausibleDate.Check(errors, "starts", request.Starts);
        PlausibleDate.Check(errors, "ends", request.Ends);
        if (errors.Count > 0) return Problems.Validation(errors);
        var campaignId = request.CampaignId!.Value;
        // Every application the ministry holds (a notice is published once: none may still be under expert review), and
        // every one that passed.
        var held = await ExpertReviewScope.OfCampaignAsync(session, campaignId, null, ct);
        var verdicts = await session.Query<ExpertReviewVerdict>().Where(v => v.CampaignId == campaignId && v.Passed).ToListAsync(ct);
        var details = (await session.LoadManyAsync<ReviewCaseDetails>(ct, held.Select(a => a.ApplicationId).Concat(verdicts.Select(v => v.Id))
            .Distinct().ToArray())).ToDictionary(d => d.Id);
        var ids = details.Keys.ToList();
        await session.DecideAsync(
            [StreamToWrite.Of<ReviewCampaign>(campaignId), .. ids.SelectMany(id => new StreamToWrite[]
            {
                StreamToWrite.Of<ReviewCase>(id), StreamToWrite.Of<SiteVisit>(SiteVisit.IdFor(id)), StreamToWrite.Of<Candidacy>(Candidacy.IdFor(id)),
            })],
            states => SelectionDecider.Decide(new PublishNotice(campaignId, request.Starts!.Value, request.Ends!.Value, ids.Select(id =>
            {
                var d = details[id];
                return new NoticeCandidate(id, d.Category, d.Class, d.ServiceMode, d.OrganisationName, d.CreditCode, d.AuthorityCode,
                    states.Of<ReviewCase>(id)?.ExpertReviewPassed, states.Of<SiteVisit>(SiteVisit.IdFor(id)));
            }).ToList(), access.User.AuditName), states.Of<ReviewCampaign>(campaignId), clock.GetUtcNow()), ct);
        return TypedResults.Ok(await NoticeViewAsync(session, campaignId, ct));
    }

    static async Task<IResult> Notice(IDocumentSession session, CancellationToken ct, Guid? campaignId = null) =>
        campaignId is null ? CampaignRequired()
        : await NoticeViewAsync(session, campaignId.Value, ct) is { } view ? TypedResults.Ok(view)
        : Problems.Of(NoNotice);

    static readonly Rule NoNotice = Rule.NotFound("public-notice-not-found", "该批次尚未发布公示。", "This campaign has no public notice yet.");

    static async Task<PublicNoticeView?> NoticeViewAsync(IDocumentSession session, Guid campaignId, CancellationToken ct)
    {
        if (await session.LoadAsync<ReviewCampaign>(campaignId, ct) is not { Notice: { } notice } campaign) return null;
        var candidates = await session.LoadManyAsync<Candidacy>(ct, notice.ApplicationIds.Select(Candidacy.IdFor).ToArray());
        return new PublicNoticeView(campaignId, campaign.Name, notice.Starts, notice.Ends, candidates
            .OrderBy(c => c.Category).ThenBy(c => c.AuthorityCode).ThenBy(c => c.OrganisationName, StringComparer.Ordinal)
            .Select(c => new NoticeEntry(c.ApplicationId, c.OrganisationName, c.Category, c.Class, c.ServiceMode,
                Authorities.Find(c.AuthorityCode)?.NameZh ?? c.AuthorityCode)).ToList());
    }

    static async Task<IResult> Object(Guid applicationId, ObjectionRequest request, IDocumentSession session, AccessGuard access,
        TimeProvider clock, CancellationToken ct)
    {
        var id = Candidacy.IdFor(applicationId);
        if (await session.LoadAsync<Candidacy>(id, ct) is not { } candidacy) return Problems.Of(SelectionRules.CandidateNotFound);
        var objection = Guid.CreateVersion7();
        await session.DecideAsync([StreamToWrite.Of<Candidacy>(id), StreamToWrite.Of<ReviewCampaign>(candidacy.CampaignId)],
            states => new Dictionary<Guid, object[]>
            {
                [id] = SelectionDecider.Decide(new FileObjection(applicationId, objection, request.ContactName, request.ContactPhone, request.Grounds,
                    access.User.AuditName), states.Of<Candidacy>(id), states.Of<ReviewCampaign>(candidacy.CampaignId), clock.GetUtcNow()),
            }, ct);
        return TypedResults.Created($"/api/v1/selection/cases/{applicationId}", new ObjectionReceipt(objection, applicationId));
    }

    static async Task<IResult> Resolve(Guid applicationId, Guid objectionId, ObjectionResolutionRequest request, HttpRequest http,
        IDocumentSession session, AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var id = Candidacy.IdFor(applicationId);
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await session.DecideAsync<Candidacy>(id, StreamVersion.Expected(http), state => SelectionDecider.Decide(
                new ResolveObjection(applicationId, objectionId, request.Outcome, access.User.AuditName), state, clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<Candidacy>(id, ct)), version);
        }, () => session.LoadAsync<Candidacy>(id, ct), c => c.Version);
    }

    /// <summary>Decided over the candidacy, the campaign's calendar, the visit and the final list, in one write.</summary>
    static async Task<IResult> Decide(Guid applicationId, SelectionDecisionRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (request.Decision is not { } decision)
            return Problems.Validation(new Dictionary<string, string[]> { ["decision"] = ["请选择 select 或 decline。 / Choose select or decline."] });
        var id = Candidacy.IdFor(applicationId);
        if (await session.LoadAsync<Candidacy>(id, ct) is not { } candidacy) return Problems.Of(SelectionRules.CandidateNotFound);
        var (campaignId, visitId, listId) = (candidacy.CampaignId, SiteVisit.IdFor(applicationId), FinalList.IdFor(candidacy.CampaignId));
        return await StreamVersion.OrCurrentAsync(http, async () =>
        {
            var versions = await session.DecideAsync(
                [StreamToWrite.Of<Candidacy>(id, StreamVersion.Expected(http)), StreamToWrite.Of<ReviewCampaign>(campaignId),
                    StreamToWrite.Of<SiteVisit>(visitId), StreamToWrite.Of<FinalList>(listId)],
                states => SelectionDecider.Decide(new DecideCandidate(applicationId, decision, request.Reason, access.User.AuditName),
                    states.Of<Candidacy>(id), states.Of<ReviewCampaign>(campaignId), states.Of<SiteVisit>(visitId), clock.GetUtcNow()), ct);
            return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<Candidacy>(id, ct)), versions[id]);
        }, () => session.LoadAsync<Candidacy>(id, ct), c => c.Version);
    }

    static async Task<IResult> Candidates(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return CampaignRequired();
        var candidates = await session.Query<Candidacy>().Where(c => c.CampaignId == campaignId).ToListAsync(ct);
        await access.ReadAsync(true, SelectionRules.CandidateNotFound);
        return TypedResults.Ok(candidates.Where(VisitSight.Of(access.User).MaySee)
            .OrderBy(c => c.Category).ThenBy(c => c.AuthorityCode).ThenBy(c => c.OrganisationName, StringComparer.Ordinal).ToList());
    }

    static async Task<IResult> Case(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var visit = await session.LoadAsync<SiteVisit>(SiteVisit.IdFor(applicationId), ct);
        var candidacy = await session.LoadAsync<Candidacy>(Candidacy.IdFor(applicationId), ct);
        var sight = await ApplicationSight.OfAsync(session, access.User, applicationId, ct);
        return await access.ReadAsync(sight.MaySeeSelection(), SelectionRules.CandidateNotFound)
            ?? TypedResults.Ok(new SelectionCase(applicationId, sight.Case?.ExpertReviewPassed, sight.MaySeeExpertReview
                ? ExpertReviewDetails.For(sight, await ExpertReviewScope.SettingsAsync(session, sight.Panel!.CampaignId, ct),
                    (await session.LoadManyAsync<ExpertProfile>(ct, sight.Panel.Members.Select(m => m.ExpertSubject).ToArray())).ToDictionary(e => e.Id))
                : null, visit, candidacy));
    }

    static async Task<IResult> Progress(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return CampaignRequired();
        var progress = await CampaignProgress.SelectionAsync(session, campaignId.Value, ct);
        await access.ReadAsync(true, SelectionRules.CandidateNotFound);
        return TypedResults.Ok(progress);
    }

    static async Task<IResult> ProgressTable(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return CampaignRequired();
        if (await session.LoadAsync<ReviewCampaign>(campaignId.Value, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var experts = await ExpertReviewProgress.OfCampaignAsync(session, campaign.Id, ct);
        var selection = await CampaignProgress.SelectionAsync(session, campaign.Id, ct);
        await access.ReadAsync(true, SelectionRules.CandidateNotFound);
        return TypedResults.File(CampaignProgress.Table(campaign, experts, selection), SummaryTable.ContentType, $"评审进度-第{campaign.Batch}批.xlsx");
    }

    static async Task<IResult> Final(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return CampaignRequired();
        var list = await session.LoadAsync<FinalList>(FinalList.IdFor(campaignId.Value), ct);
        await access.ReadAsync(true, SelectionRules.CandidateNotFound);
        return TypedResults.Ok(list?.Entries ?? []);
    }

    static async Task<IResult> FinalSpreadsheet(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return CampaignRequired();
        if (await session.LoadAsync<ReviewCampaign>(campaignId.Value, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var list = await session.LoadAsync<FinalList>(FinalList.IdFor(campaignId.Value), ct);
        await access.ReadAsync(true, SelectionRules.CandidateNotFound);
        return TypedResults.File(FinalListTable.Create(campaign, list), SummaryTable.ContentType, $"示范名单-第{campaign.Batch}批.xlsx");
    }
}
