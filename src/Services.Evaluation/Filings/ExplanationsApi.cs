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

namespace ServiceManufacturing.Services.Evaluation.Filings;

/// <summary>An authority's written explanation for a demonstration that cannot file; it travels with the authority's package.</summary>
public static class ExplanationsApi
{
    /// <summary>Where the ministry downloads an explanation's supporting document (through the gateway).</summary>
    public static string DocumentPath(Guid demonstrationId, Guid campaignId, Guid documentId) =>
        $"/api/v1/demonstrations/{demonstrationId}/filing/documents/{documentId}?campaignId={campaignId}";

    public static RouteGroupBuilder MapExplanationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/demonstrations").WithTags("Evaluation filings");
        api.MapPost("/{demonstrationId:guid}/filing/explanation", Explain).WithName("ExplainCannotFile").WithETag().WithLag(EvaluationCampaignRules.Unknown, EvaluationLag.CampaignArrives).DisableAntiforgery()
            .WithSummary("推荐单位提交无法报送的情况说明（随第五批推荐材料报送） / The authority explains why a demonstration cannot file " +
                "(it travels with the authority's fifth-batch package)")
            .RequireRoles(PlatformRoles.AuthorityOfficer)
            .AcceptsMultipartForm(
                new FormField("campaignId", "批次（第五批申报推荐） / The campaign (the fifth batch)."),
                new FormField("status", "经营状态：revoked 吊销、cancelled 注销、suspended 停业、inLiquidation 清算、otherwiseUnable 其他 / " +
                    "The business status: revoked, cancelled, suspended, inLiquidation or otherwiseUnable."),
                new FormField("statusDate", "状态发生日期（yyyy-MM-dd，不晚于今天） / Since when (yyyy-MM-dd, not after today)."),
                new FormField("reason", "情况说明（不超过 2000 字） / The explanation (at most 2000 characters)."),
                new FormField("document", "证明材料（PDF、JPEG 或 PNG，20 MB 以内） / The supporting document (PDF, JPEG or PNG, at most 20 MB).", File: true))
            .WithMetadata(new RequestSizeLimitAttribute(ScanArchive.MaxBytes + 64 * 1024))
            .Produces<EvaluationFiling>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    static async Task<IResult> Explain(Guid demonstrationId, HttpRequest http, IDocumentSession session, ScanArchive archive,
        EvaluationAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (!http.HasFormContentType) return Problems.Of(PlatformRules.UnsupportedMediaType);
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            return Problems.Of(PlatformRules.BadRequest);
        }
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(form["campaignId"].ToString(), out var campaignId)) errors["campaignId"] = ["请给出批次。 / Give the campaign."];
        var statusText = form["status"].ToString();
        var status = Enum.GetValues<BusinessStatus>().Cast<BusinessStatus?>()
            .FirstOrDefault(s => string.Equals(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s!.ToString()!), statusText, StringComparison.Ordinal));
        if (status is null) errors["status"] = ["请选择经营状态：revoked、cancelled、suspended、inLiquidation 或 otherwiseUnable。 / " +
            "Choose the business status: revoked, cancelled, suspended, inLiquidation or otherwiseUnable."];
        if (!DateOnly.TryParseExact(form["statusDate"].ToString(), "yyyy-MM-dd", out var statusDate) || !PlausibleDate.Holds(statusDate))
            errors["statusDate"] = ["请填写状态发生日期（yyyy-MM-dd）。 / Give the status date (yyyy-MM-dd)."];
        var reason = form["reason"].ToString().Trim();
        if (reason.Length is 0 or > 2000) errors["reason"] = ["请填写情况说明（不超过 2000 字）。 / Give the explanation (at most 2000 characters)."];
        var document = form.Files.GetFile("document");
        if (document is null || document.Length == 0) errors["document"] = ["请上传证明材料（PDF、JPEG 或 PNG）。 / Upload the supporting document."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var (demonstration, refused) = await access.ActAsync(demonstrationId, DemonstrationRelation.Authority, ct);
        if (refused is not null) return refused;
        if (await session.LoadAsync<EvaluationCampaign>(campaignId, ct) is not { Noted: true } campaign) return Problems.Of(EvaluationCampaignRules.Unknown);
        var state = await FilingsApi.DemonstrationAsync(session, demonstration!.Id, ct);
        var id = EvaluationFiling.IdFor(campaignId, demonstrationId);
        var command = new ExplainCannotFile(id, campaign, state, status!.Value, statusDate, reason, new FilingDocument(Guid.Empty, "", 0, ""),
            access.User.AuditName);
        // Checked before the document is stored, so that a refused explanation leaves no file behind.
        _ = FilingDecider.Decide(command, await session.LoadAsync<EvaluationFiling>(id, ct), clock.GetUtcNow());
        await using var body = document!.OpenReadStream();
        var version = await archive.StoreAsync(body, document.ContentType, scan => session.DecideAsync<EvaluationFiling>(id, null,
            s => FilingDecider.Decide(command with { Document = new FilingDocument(scan.DocumentId, scan.ContentType, scan.Length, scan.Sha256) },
                s, clock.GetUtcNow()), ct), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<EvaluationFiling>(id, ct)), version);
    }
}
