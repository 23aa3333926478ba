using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Evaluation.Access;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Services.Evaluation.Filings;

/// <summary>One year's figures as filed.</summary>
/// <param name="Year">年度（必填） / The year (required).</param>
/// <param name="OperatingRevenue">营业收入，万元（必填，不小于 0） / Operating revenue in 10,000 yuan (required, not negative).</param>
/// <param name="ServiceRevenue">服务收入，万元（必填，不大于营业收入） / Service revenue in 10,000 yuan (required, at most the operating revenue).</param>
public sealed record YearFiguresRequest(int? Year, decimal? OperatingRevenue, decimal? ServiceRevenue);

/// <summary>The evaluation material as a draft.</summary>
/// <param name="OperatingStatus">经营状况（必填，不超过 500 字） / Operating status (required, at most 500 characters).</param>
/// <param name="Years">入选以来各年度数据（必填） / The figures for each year since selection (required).</param>
/// <param name="Results">服务型制造模式的成效（必填，不超过 5000 字） / Results of its service-oriented model (required, at most 5000 characters).</param>
public sealed record SaveFilingRequest(string? OperatingStatus, IReadOnlyList<YearFiguresRequest>? Years, string? Results);

/// <summary>报送回执 / The receipt of a submitted filing.</summary>
/// <param name="FilingId">评估材料编号 / The filing.</param>
/// <param name="DemonstrationId">示范 / The demonstration.</param>
/// <param name="SubmittedAt">报送时间 / When.</param>
/// <param name="Documents">证明材料份数 / How many supporting documents.</param>
/// <param name="ContentHash">报送内容的 SHA-256 / The SHA-256 of its content.</param>
public sealed record FilingReceipt(Guid FilingId, Guid DemonstrationId, DateTimeOffset SubmittedAt, int Documents, string ContentHash);

/// <summary>报送、受理或退回 / A submission, acknowledgement or return.</summary>
/// <param name="CampaignId">批次（必填） / The campaign (required).</param>
/// <param name="Comments">意见；退回时必填 / Comments; required to return.</param>
public sealed record FilingStepRequest(Guid? CampaignId, string? Comments);

public static class FilingsApi
{
    static readonly string[] Readers = [PlatformRoles.Applicant, PlatformRoles.CityAuthority, PlatformRoles.AuthorityOfficer,
        PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];
    // An authority officer files only for a project without a credit code (EvaluationAccess.FiledByItsAuthority).
    static readonly string[] Owners = [PlatformRoles.Applicant, PlatformRoles.CityAuthority, PlatformRoles.AuthorityOfficer];

    public static RouteGroupBuilder MapFilingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Evaluation filings");
        api.MapGet("/{demonstrationId:guid}/filing", Get).WithName("GetEvaluationFiling").WithETag()
            .WithSummary("查看评估材料 / Read a demonstration's evaluation filing").RequireRoles(Readers)
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{demonstrationId:guid}/filing", SaveDraft).WithName("SaveEvaluationFilingDraft").WithConcurrency().WithLag(EvaluationCampaignRules.Unknown, EvaluationLag.CampaignArrives)
            .WithSummary("保存评估材料草稿 / Save the evaluation material as a draft").RequireRoles(Owners)
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{demonstrationId:guid}/filing/documents", Attach).WithName("AttachEvaluationDocument").WithETag().WithLag(EvaluationCampaignRules.Unknown, EvaluationLag.CampaignArrives)
            .WithSummary("上传证明材料（请求体为 PDF、JPEG 或 PNG） / Upload a supporting document (the body is a PDF, JPEG or PNG)")
            .RequireRoles(Owners).WithMetadata(new RequestSizeLimitAttribute(ScanArchive.MaxBytes))
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{demonstrationId:guid}/filing/documents/{documentId:guid}", Download).WithName("DownloadEvaluationDocument")
            .WithSummary("下载证明材料 / Download a supporting document").RequireRoles(Readers)
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{demonstrationId:guid}/filing/submission", Submit).WithName("SubmitEvaluationFiling").WithConcurrency()
            .WithLag(EvaluationCampaignRules.Unknown, EvaluationLag.CampaignArrives)
            .WithSummary("报送评估材料（截止日期前，或部里批准的例外期限前） / Submit the material by the deadline, or the exception granted")
            .RequireRoles(Owners).Produces<FilingReceipt>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/filing-receipt-verification", Verify).WithName("VerifyEvaluationFilingReceipt")
            .WithSummary("核验评估材料回执 / Verify an evaluation filing's receipt").RequireRoles(Readers)
            .Produces<ReceiptVerification>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{demonstrationId:guid}/filing/acknowledgement", Acknowledge).WithName("AcknowledgeEvaluationFiling").WithConcurrency()
            .WithSummary("受理评估材料 / The ministry acknowledges a filing").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{demonstrationId:guid}/filing/return", Return).WithName("ReturnEvaluationFiling").WithConcurrency()
            .WithSummary("退回评估材料（附意见） / The ministry returns a filing with comments").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    internal static IResult CampaignRequired() =>
        Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });

    static async Task<IResult> Get(Guid demonstrationId, IDocumentSession session, EvaluationAccess access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is not { } campaign) return CampaignRequired();
        var (_, refused) = await access.ReadAsync(demonstrationId, ct);
        if (refused is not null) return refused;
        return await session.LoadAsync<EvaluationFiling>(EvaluationFiling.IdFor(campaign, demonstrationId), ct) is { } filing
            ? StreamVersion.WithETag(TypedResults.Ok(filing), filing.Version) : Problems.Of(FilingRules.NotFound);
    }

    static async Task<IResult> SaveDraft(Guid demonstrationId, SaveFilingRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is not { } campaign) return CampaignRequired();
        if (Validate(request, out var material) is { Count: > 0 } errors) return Problems.Validation(errors);
        var (demonstration, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Owner, ct);
        if (refused is not null) return refused;
        if (await session.LoadAsync<EvaluationCampaign>(campaign, ct) is not { Noted: true } known) return Problems.Of(EvaluationCampaignRules.Unknown);
        var state = await DemonstrationAsync(session, demonstration!.Id, ct);
        var id = EvaluationFiling.IdFor(campaign, demonstrationId);
        return await WriteAsync(http, session, id, () => session.DecideAsync<EvaluationFiling>(id, StreamVersion.Expected(http),
            s => FilingDecider.Decide(new SaveFilingDraft(id, known, state, material!, access.User.AuditName), s, clock.GetUtcNow()), ct), f => f, ct);
    }

    static async Task<IResult> Attach(Guid demonstrationId, HttpRequest http, IDocumentSession session, ScanArchive archive,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is not { } campaign) return CampaignRequired();
        var (demonstration, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Owner, ct);
        if (refused is not null) return refused;
        if (await session.LoadAsync<EvaluationCampaign>(campaign, ct) is not { Noted: true } noted) return Problems.Of(EvaluationCampaignRules.Unknown);
        var id = EvaluationFiling.IdFor(campaign, demonstrationId);
        var state = await DemonstrationAsync(session, demonstration!.Id, ct);
        var command = new AttachFilingDocument(id, noted, state, new FilingDocument(Guid.Empty, "", 0, ""), access.User.AuditName);
        // Checked before the bytes are read: an upload that will be refused is not stored.
        _ = FilingDecider.Decide(command, await session.LoadAsync<EvaluationFiling>(id, ct), clock.GetUtcNow());
        var version = await archive.StoreAsync(http.Body, http.ContentType, scan => session.DecideAsync<EvaluationFiling>(id, null,
            s => FilingDecider.Decide(command with { Document = new FilingDocument(scan.DocumentId, scan.ContentType, scan.Length, scan.Sha256) },
                s, clock.GetUtcNow()), ct), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<EvaluationFiling>(id, ct)), version);
    }

    static async Task<IResult> Download(Guid demonstrationId, Guid documentId, IDocumentSession session, ScanArchive archive,
        EvaluationAccess access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is not { } campaign) return CampaignRequired();
        var (_, refused) = await access.ReadAsync(demonstrationId, ct);
        if (refused is not null) return refused;
        var filing = await session.LoadAsync<EvaluationFiling>(EvaluationFiling.IdFor(campaign, demonstrationId), ct);
        var document = filing?.Documents.Append(filing.Explanation?.Document).FirstOrDefault(d => d?.DocumentId == documentId);
        if (document is null) return Problems.Of(FilingRules.NotFound);
        return Results.Stream(output => archive.CopyToAsync(documentId, output, ct), document.ContentType,
            $"evaluation-{documentId}{ScanArchive.ExtensionOf(document.ContentType)}");
    }

    static async Task<IResult> Submit(Guid demonstrationId, FilingStepRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (request.CampaignId is not { } campaignId) return CampaignRequired();
        var (demonstration, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Owner, ct);
        if (refused is not null) return refused;
        if (await session.LoadAsync<EvaluationCampaign>(campaignId, ct) is not { Noted: true } campaign) return Problems.Of(EvaluationCampaignRules.Unknown);
        var state = await DemonstrationAsync(session, demonstration!.Id, ct);
        var id = EvaluationFiling.IdFor(campaignId, demonstrationId);
        return await WriteAsync(http, session, id, () => session.DecideAsync<EvaluationFiling>(id, StreamVersion.Expected(http),
                s => FilingDecider.Decide(new SubmitFiling(id, campaign, state, access.User.AuditName), s, clock.GetUtcNow()), ct),
            f => new FilingReceipt(f.Id, f.DemonstrationId, f.SubmittedAt!.Value, f.Documents.Count, f.ContentHash!), ct);
    }

    /// <summary>
    /// Valid when the filing's history holds a submission at the receipt's time whose stored material and documents hash
    /// to the receipt's hash again: a receipt of an earlier submission (before a return) stays verifiable.
    /// </summary>
    static async Task<IResult> Verify(FilingReceipt receipt, IDocumentSession session, EvaluationAccess access, CancellationToken ct)
    {
        var filing = await session.LoadAsync<EvaluationFiling>(receipt.FilingId, ct);
        var (_, refused) = await access.ReadAsync(filing?.DemonstrationId ?? Guid.Empty, ct);
        if (refused is not null) return refused;
        var events = await session.Events.FetchStreamAsync(receipt.FilingId, token: ct);
        var valid = events.Select(e => e.Data).OfType<FilingSubmitted>().Any(s => s.At == receipt.SubmittedAt
            && s.DemonstrationId == receipt.DemonstrationId && s.Documents.Count == receipt.Documents && s.ContentHash == receipt.ContentHash
            && EvaluationFiling.HashOf(s.FilingId, s.CampaignId, s.DemonstrationId, s.AuthorityCode, s.Material, s.Documents) == receipt.ContentHash);
        return TypedResults.Ok(new ReceiptVerification(valid));
    }

    static Task<IResult> Acknowledge(Guid demonstrationId, FilingStepRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct) =>
        IntakeAsync(demonstrationId, request, http, session, access, id => new AcknowledgeFiling(id, access.User.AuditName), clock, ct);

    static Task<IResult> Return(Guid demonstrationId, FilingStepRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct) =>
        IntakeAsync(demonstrationId, request, http, session, access, id => new ReturnFiling(id, request.Comments?.Trim(), access.User.AuditName), clock, ct);

    static async Task<IResult> IntakeAsync(Guid demonstrationId, FilingStepRequest request, HttpRequest http, IDocumentSession session,
        EvaluationAccess access, Func<Guid, FilingCommand> command, TimeProvider clock, CancellationToken ct)
    {
        if (request.CampaignId is not { } campaignId) return CampaignRequired();
        var (_, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Ministry, ct);
        if (refused is not null) return refused;
        var id = EvaluationFiling.IdFor(campaignId, demonstrationId);
        return await WriteAsync(http, session, id, () => session.DecideAsync<EvaluationFiling>(id, StreamVersion.Expected(http),
            s => FilingDecider.Decide(command(id), s, clock.GetUtcNow()), ct), f => f, ct);
    }

    internal static async Task<Demonstration> DemonstrationAsync(IDocumentSession session, Guid id, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<Demonstration>(id, token: ct) ?? throw new RuleViolation(DemonstrationRules.NotFound);

    /// <summary>The filing after <paramref name="write"/>, as <paramref name="answer"/> shows it, with its version as the ETag; a lost race answers 412 or 409.</summary>
    static Task<IResult> WriteAsync<T>(HttpRequest http, IDocumentSession session, Guid id, Func<Task<long>> write,
        Func<EvaluationFiling, T> answer, CancellationToken ct) =>
        StreamVersion.OrCurrentAsync(http, async () =>
        {
            var version = await write();
            return StreamVersion.WithETag(TypedResults.Ok(answer((await session.LoadAsync<EvaluationFiling>(id, ct))!)), version);
        }, () => session.LoadAsync<EvaluationFiling>(id, ct), f => f.Version);

    static Dictionary<string, string[]> Validate(SaveFilingRequest request, out EvaluationMaterial? material)
    {
        material = null;
        var errors = new Dictionary<string, string[]>();
        var status = request.OperatingStatus?.Trim() ?? "";
        var results = request.Results?.Trim() ?? "";
        if (status.Length is 0 or > 500) errors["operatingStatus"] = ["请填写经营状况（不超过 500 字）。 / Give the operating status (at most 500 characters)."];
        if (results.Length is 0 or > 5000) errors["results"] = ["请填写服务型制造模式的成效（不超过 5000 字）。 / Give the results (at most 5000 characters)."];
        if (request.Years is null || request.Years.Count is 0 or > 30) errors["years"] = ["请填写各年度数据。 / Give the figures of each year."];
        var years = new List<YearFigures>();
        for (var i = 0; i < (request.Years?.Count ?? 0); i++)
        {
            var y = request.Years![i];
            if (y is null || y.Year is not { } year || !PlausibleDate.HoldsYear(year) || y.OperatingRevenue is not (>= 0 and < 1_000_000_000m) ||
                y.ServiceRevenue is not { } service || service < 0 || service > y.OperatingRevenue)
                errors[$"years[{i}]"] = ["年度须有效，营业收入不小于 0，服务收入在 0 与营业收入之间（万元）。 / Give a valid year, operating revenue " +
                    "of at least 0 and service revenue between 0 and the operating revenue (10,000 yuan)."];
            else if (years.Any(f => f.Year == year))
                errors[$"years[{i}]"] = ["同一年度只填一次。 / Give each year once."];
            else
                years.Add(new YearFigures(year, y.OperatingRevenue!.Value, service,
                    y.OperatingRevenue == 0 ? 0 : Math.Round(service / y.OperatingRevenue.Value, 4)));
        }
        if (errors.Count == 0) material = new EvaluationMaterial(status, years.OrderBy(f => f.Year).ToList(), results);
        return errors;
    }
}
