using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using Marten;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>报送回执 / The receipt of a submitted package.</summary>
/// <param name="PackageId">推荐材料编号 / The package.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="SubmittedAt">报送时间 / When.</param>
/// <param name="Entries">推荐条目数 / How many recommendations it holds.</param>
/// <param name="ContentHash">报送内容的 SHA-256 / The SHA-256 of its content.</param>
public sealed record PackageReceipt(Guid PackageId, string AuthorityCode, DateTimeOffset SubmittedAt, int Entries, string ContentHash);

/// <summary>One document of a package: the stamped summary table's scan, or an application's stamped form (kept by Registration).</summary>
/// <param name="Kind">文件种类 / Which document.</param>
/// <param name="ApplicationId">所属申报（盖章申报书） / The application, for a stamped form.</param>
/// <param name="Sha256">文件的 SHA-256 / The document's SHA-256.</param>
/// <param name="Url">下载地址（经网关） / Where to download it (through the gateway).</param>
public sealed record PackageDocument([property: OneOf("summaryTableScan", "stampedForm")] string Kind, Guid? ApplicationId, string Sha256, string Url);

/// <summary>An authority's package with where to download each of its documents; the receipt's hash covers every one.</summary>
/// <param name="Package">推荐材料 / The package.</param>
/// <param name="Documents">各文件及其下载地址 / Its documents and where to download them.</param>
/// <param name="Explanations">随推荐材料报送的前几批示范无法报送评估材料的情况说明 / The authority's explanations for earlier demonstrations that cannot file evaluation material, which travel with the package.</param>
public sealed record PackageDetails(RecommendationPackage Package, IReadOnlyList<PackageDocument> Documents,
    IReadOnlyList<EvaluationExplanation>? Explanations = null);

/// <summary>部里受理或退回 / The ministry's acknowledgement or return.</summary>
/// <param name="CampaignId">批次（必填） / The campaign (required).</param>
/// <param name="Reason">理由；退回时必填 / The reason; required to return.</param>
public sealed record IntakeRequest(Guid? CampaignId, string? Reason);

/// <summary>Where one of the 37 authorities stands with its package.</summary>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="NameZh">推荐单位名称 / Its name.</param>
/// <param name="Status">报送状态 / Where its package stands.</param>
/// <param name="Entries">推荐条目数 / How many recommendations.</param>
/// <param name="ContentHash">报送内容的 SHA-256 / The SHA-256 of what was submitted.</param>
/// <param name="SubmittedAt">报送时间 / When it was submitted.</param>
/// <param name="Explanations">随附的前几批示范情况说明份数 / How many explanations for earlier demonstrations travel with it.</param>
public sealed record AuthorityPackageStatus(string AuthorityCode, string NameZh, PackageStatus Status, int Entries, string? ContentHash, DateTimeOffset? SubmittedAt,
    int Explanations = 0);

public static class PackagesApi
{

    public static RouteGroupBuilder MapPackagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/packages").WithTags("Packages to the ministry");
        api.MapGet("/", Overview).WithName("ListPackages").WithSummary("37 个推荐单位的报送情况 / Where each of the 37 authorities stands")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<IReadOnlyList<AuthorityPackageStatus>>().ProducesValidationProblem();
        api.MapGet("/{authorityCode}", Get).WithName("GetPackage").WithETag()
            .WithSummary("查看推荐材料及其文件 / An authority's package and its documents")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<PackageDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{authorityCode}/summary-table-scan", DownloadTableScan).WithName("DownloadSummaryTableScan")
            .WithSummary("下载盖章汇总表扫描件 / Download the stamped summary table's scan")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces(StatusCodes.Status200OK, null, "application/pdf", "image/jpeg", "image/png").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/summary-table-scan", UploadTableScan).WithName("UploadSummaryTableScan").WithETag().WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives)
            .WithSummary("上传盖章汇总表扫描件 / Upload the stamped summary table's scan").RequireRoles(PlatformRoles.AuthorityOfficer)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ScanArchive.MaxBytes))
            .Produces<RecommendationPackage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/submission", Submit).WithName("SubmitPackage").WithConcurrency().WithLag(ReviewCampaignRules.Unknown, ReviewLag.CampaignArrives).WithSummary("向工业和信息化部报送 / Submit the package to the ministry")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<PackageReceipt>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/receipt-verification", VerifyReceipt).WithName("VerifyPackageReceipt")
            .WithSummary("核验报送回执 / Verify a package receipt")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<ReceiptVerification>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{authorityCode}/acknowledgement", Acknowledge).WithName("AcknowledgePackage").WithConcurrency()
            .WithSummary("受理推荐材料 / The ministry acknowledges a package").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<RecommendationPackage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{authorityCode}/return", Return).WithName("ReturnPackage").WithConcurrency()
            .WithSummary("退回推荐材料 / The ministry returns a package").RequireRoles(PlatformRoles.MinistryOfficer)
            .Produces<RecommendationPackage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Overview(IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var packages = (await session.Query<RecommendationPackage>().Where(p => p.CampaignId == campaignId).ToListAsync(ct)).ToDictionary(p => p.AuthorityCode);
        var explained = (await session.Query<EvaluationExplanation>().Where(x => x.CampaignId == campaignId).Select(x => x.AuthorityCode).ToListAsync(ct))
            .CountBy(code => code).ToDictionary();
        await access.ReadAsync(true, PackageRules.NotFound);
        return TypedResults.Ok(Authorities.All.Where(a => access.User.ActsFor(a.Code)).Select(a => packages.GetValueOrDefault(a.Code) is { } p
            ? new AuthorityPackageStatus(a.Code, a.NameZh, p.Status, p.Entries.Count, p.ContentHash, p.SubmittedAt, explained.GetValueOrDefault(a.Code))
            : new AuthorityPackageStatus(a.Code, a.NameZh, PackageStatus.Open, 0, null, null, explained.GetValueOrDefault(a.Code))).ToList());
    }

    static async Task<IResult> Get(string authorityCode, IDocumentSession session, AccessGuard access, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var id = RecommendationPackage.IdFor(campaignId.Value, authorityCode);
        var package = await session.LoadAsync<RecommendationPackage>(id, ct);
        var explanations = await session.Query<EvaluationExplanation>()
            .Where(x => x.CampaignId == campaignId && x.AuthorityCode == authorityCode).OrderBy(x => x.Name).ToListAsync(ct);
        // An explanation filed before the authority uploaded anything still shows, with the package as yet open and empty.
        if (await access.ReadAsync((package is not null || explanations.Count > 0) && access.User.ActsFor(authorityCode), PackageRules.NotFound)
            is { } refused)
            return refused;
        package ??= new RecommendationPackage(id, campaignId.Value, authorityCode, PackageStatus.Open, null, null, [], null, null, null);
        var documents = new List<PackageDocument>();
        if (package.SummaryTableSha256 is { } table)
            documents.Add(new("summaryTableScan", null, table, $"/api/v1/packages/{authorityCode}/summary-table-scan?campaignId={campaignId}"));
        documents.AddRange(package.Entries.Select(e =>
            new PackageDocument("stampedForm", e.ApplicationId, e.StampedFormSha256, $"/api/v1/applications/{e.ApplicationId}/stamped-form")));
        return StreamVersion.WithETag(TypedResults.Ok(new PackageDetails(package, documents,
            explanations.Select(x => x.AsSeenWith(package)).ToList())), package.Version);
    }

    static async Task<IResult> DownloadTableScan(string authorityCode, IDocumentSession session, ScanArchive archive, AccessGuard access,
        CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is null) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var package = await session.LoadAsync<RecommendationPackage>(RecommendationPackage.IdFor(campaignId.Value, authorityCode), ct);
        if (await access.ReadAsync(package?.SummaryTableDocumentId is not null && access.User.ActsFor(authorityCode), PackageRules.NotFound) is { } refused)
            return refused;
        var contentType = package!.SummaryTableContentType ?? "application/pdf";
        return Results.Stream(output => archive.CopyToAsync(package.SummaryTableDocumentId!.Value, output, ct), contentType,
            $"summary-table-{authorityCode}{ScanArchive.ExtensionOf(contentType)}");
    }

    static async Task<IResult> UploadTableScan(HttpRequest http, IDocumentSession session, ScanArchive archive, AccessGuard access,
        TimeProvider clock, CancellationToken ct, Guid? campaignId = null)
    {
        if (campaignId is not { } campaign) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var authority = access.User.AuthorityCode!;
        var id = RecommendationPackage.IdFor(campaign, authority);
        // Checked before the bytes are read: an upload that will be refused is not stored.
        if (await session.LoadAsync<ReviewCampaign>(campaign, ct) is null) return Problems.Of(ReviewCampaignRules.Unknown);
        if (await session.LoadAsync<RecommendationPackage>(id, ct) is { Frozen: true }) return Problems.Of(PackageRules.Frozen);
        // The scan is kept only if the package records it; a refusal (e.g. submitted meanwhile) removes it again.
        var version = await archive.StoreAsync(http.Body, http.ContentType, scan => session.DecideAsync<RecommendationPackage>(id, null,
            state => PackageDecider.Decide(new UploadSummaryTableScan(campaign, authority, scan.DocumentId, scan.ContentType, scan.Length,
                scan.Sha256, access.User.AuditName), state, clock.GetUtcNow()), ct), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<RecommendationPackage>(id, ct)), version);
    }

    /// <summary>
    /// One write over the package and the authority's ranked lists: every list (an empty one too) is marked submitted
    /// with the package, so a recommendation racing the submission is decided again on the outcome. If-Match holds the
    /// package to the caller's version.
    /// </summary>
    static async Task<IResult> Submit(IntakeRequest request, HttpRequest http, IDocumentSession session, AccessGuard access, TimeProvider clock,
        CancellationToken ct)
    {
        if (request.CampaignId is not { } campaignId) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        if (await session.LoadAsync<ReviewCampaign>(campaignId, ct) is not { } campaign) return Problems.Of(ReviewCampaignRules.Unknown);
        var authority = access.User.AuthorityCode!;
        var stampedForms = (await session.Query<ReviewCaseDetails>()
                .Where(c => c.CampaignId == campaignId && c.AuthorityCode == authority && c.StampedFormSha256 != null).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.StampedFormSha256!);
        var command = new SubmitPackageWithLists(campaignId, authority, campaign, stampedForms, access.User.AuditName);
        var id = RecommendationPackage.IdFor(campaignId, authority);
        var listIds = PackageListsDecider.ListIds(campaignId, authority);
        return await WriteAsync(http, session, id, () => session.DecideAsync(
            [StreamToWrite.Of<RecommendationPackage>(id, StreamVersion.Expected(http)), .. listIds.Select(l => StreamToWrite.Of<RecommendationList>(l))],
            states => PackageListsDecider.Decide(command, states.Of<RecommendationPackage>(id),
                listIds.ToDictionary(l => l, l => states.Of<RecommendationList>(l)), clock.GetUtcNow()), ct),
            package => new PackageReceipt(id, authority, package.SubmittedAt!.Value, package.Entries.Count, package.ContentHash!), ct);
    }

    /// <summary>
    /// Valid when the package's history holds a submission at the receipt's time whose stored entries and table hash
    /// to the receipt's hash again: a receipt of an earlier submission (before a return) stays verifiable.
    /// </summary>
    static async Task<IResult> VerifyReceipt(PackageReceipt receipt, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var package = await session.LoadAsync<RecommendationPackage>(receipt.PackageId, ct);
        if (await access.ReadAsync(package is not null && access.User.ActsFor(package.AuthorityCode), PackageRules.NotFound) is { } refused)
            return refused;
        var events = await session.Events.FetchStreamAsync(receipt.PackageId, token: ct);
        var valid = events.Select(e => e.Data).OfType<PackageSubmitted>().Any(s => s.At == receipt.SubmittedAt
            && s.AuthorityCode == receipt.AuthorityCode && s.Entries.Count == receipt.Entries && s.ContentHash == receipt.ContentHash
            && RecommendationPackage.HashOf(s.CampaignId, s.AuthorityCode, s.Entries, s.SummaryTableSha256) == receipt.ContentHash);
        return TypedResults.Ok(new ReceiptVerification(valid));
    }

    static async Task<IResult> Acknowledge(string authorityCode, IntakeRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (request.CampaignId is not { } campaignId) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var id = RecommendationPackage.IdFor(campaignId, authorityCode);
        return await WriteAsync(http, session, id, async () => new Dictionary<Guid, long>
        {
            [id] = await session.DecideAsync<RecommendationPackage>(id, StreamVersion.Expected(http), state => PackageDecider.Decide(
                new AcknowledgePackage(campaignId, authorityCode, access.User.AuditName), state, clock.GetUtcNow()), ct),
        }, p => p, ct);
    }

    /// <summary>Returns the package and, in the same write, opens its lists again.</summary>
    static async Task<IResult> Return(string authorityCode, IntakeRequest request, HttpRequest http, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (request.CampaignId is not { } campaignId) return Problems.Validation(new Dictionary<string, string[]> { ["campaignId"] = ["请给出批次。 / Give the campaign."] });
        var id = RecommendationPackage.IdFor(campaignId, authorityCode);
        var listIds = PackageListsDecider.ListIds(campaignId, authorityCode);
        var command = new ReturnPackage(campaignId, authorityCode, request.Reason?.Trim(), access.User.AuditName);
        return await WriteAsync(http, session, id, () => session.DecideAsync(
            [StreamToWrite.Of<RecommendationPackage>(id, StreamVersion.Expected(http)), .. listIds.Select(l => StreamToWrite.Of<RecommendationList>(l))],
            states => PackageListsDecider.Decide(command, states.Of<RecommendationPackage>(id),
                listIds.ToDictionary(l => l, l => states.Of<RecommendationList>(l)), clock.GetUtcNow()), ct), p => p, ct);
    }

    /// <summary>
    /// What <paramref name="write"/> leaves of the package (as <paramref name="answer"/> shows it), with the package's version as the
    /// ETag; a lost race answers 412 (stale If-Match) or 409 with the package as it now stands.
    /// </summary>
    static Task<IResult> WriteAsync<T>(HttpRequest http, IDocumentSession session, Guid id, Func<Task<IReadOnlyDictionary<Guid, long>>> write,
        Func<RecommendationPackage, T> answer, CancellationToken ct) =>
        StreamVersion.OrCurrentAsync(http, async () =>
        {
            var versions = await write();
            var package = (await session.LoadAsync<RecommendationPackage>(id, ct))!;
            return StreamVersion.WithETag(TypedResults.Ok(answer(package)), versions[id]);
        }, () => session.LoadAsync<RecommendationPackage>(id, ct), p => p.Version);
}
