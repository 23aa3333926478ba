using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;

namespace ServiceManufacturing.Services.Registration.Documents;

public static class DocumentsApi
{
    static readonly string[] Owners = [PlatformRoles.Applicant, PlatformRoles.CityAuthority];
    static readonly string[] Readers = [PlatformRoles.Applicant, PlatformRoles.CityAuthority, PlatformRoles.AuthorityOfficer,
        PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/applications/{applicationId:guid}").WithTags("Application documents");
        api.MapGet("/form-document", FormDocument).WithName("DownloadApplicationForm")
            .WithSummary("下载申报书（Word） / Download the filled application form (DOCX)").RequireRoles(Readers)
            .Produces<byte[]>(StatusCodes.Status200OK, ApplicationFormDocument.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/stamped-form", UploadStampedForm).WithName("UploadStampedForm").WithETag().WithLag(ApplicationRules.StampedFormAfterPassing, StatusLag.PassReachesRegistration)
            .WithSummary("上传盖章申报书扫描件（PDF、JPEG、PNG，20 MB 以内） / Upload the stamped form's scan").RequireRoles(Owners)
            .WithMetadata(new RequestSizeLimitAttribute(ScanArchive.MaxBytes))
            .Produces<ApplicationDetails>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/stamped-form", DownloadStampedForm).WithName("DownloadStampedForm")
            .WithSummary("下载盖章申报书扫描件 / Download the stamped form's scan").RequireRoles(Readers)
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/signed-documents/{document}", SignedDocument).WithName("DownloadSignedDocument")
            .WithParameterValues("document", DocumentLinks.Documents)
            .WithSummary("凭评审服务签发的短期签名链接下载申报书或盖章扫描件（分配的评审专家） / Download the form or the stamped scan by a short-lived link Review signed (assigned experts)")
            .RequireRoles(PlatformRoles.Expert, PlatformRoles.MinistryOfficer)
            .Produces<byte[]>(StatusCodes.Status200OK, ApplicationFormDocument.ContentType, "application/pdf", "image/jpeg", "image/png")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// Registration does not know who is assigned to what: it serves the document to the user a valid, unexpired link was
    /// signed for (this application, this document, his subject), and refuses every other link (403) before reading
    /// anything. Another user presenting someone's genuine link learns nothing of the application: 404, as for any
    /// expert not allowed to see it.
    /// </summary>
    static async Task<IResult> SignedDocument(Guid applicationId, string document, IDocumentSession session, ScanArchive archive,
        DocumentLinks links, AccessGuard access, CancellationToken ct, long? expires = null, string? subject = null, string? signature = null)
    {
        if (!DocumentLinks.Documents.Contains(document)) return Problems.Of(ApplicationRules.NotFound);
        if (expires is null || !links.Valid(applicationId, document, subject, expires.Value, signature)) return await access.ForbidAsync(DocumentLinks.Invalid);
        if (await access.ReadAsync(subject == access.User.Subject, ApplicationRules.NotFound) is { } notHis) return notHis;
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (document == DocumentLinks.Form)
        {
            if (await access.ReadAsync(details is not null, ApplicationRules.NotFound) is { } missing) return missing;
            var campaign = (await session.LoadAsync<Campaign>(details!.CampaignId, ct))!;
            return TypedResults.File(ApplicationFormDocument.Create(details, campaign), ApplicationFormDocument.ContentType,
                $"申报书-{details.OrganisationName}.docx");
        }
        if (await access.ReadAsync(details?.StampedForm is not null, ApplicationRules.NotFound) is { } refused) return refused;
        var scan = details!.StampedForm!;
        return Results.Stream(output => archive.CopyToAsync(scan.DocumentId, output, ct), scan.ContentType,
            $"stamped-form-{applicationId}{ScanArchive.ExtensionOf(scan.ContentType)}");
    }

    static async Task<IResult> FormDocument(Guid applicationId, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (await access.ReadAsync(details is not null && (await ApplicationAccess.OfAsync(session, access.User, ct)).CanSee(details), ApplicationRules.NotFound) is { } refused)
            return refused;
        var campaign = (await session.LoadAsync<Campaign>(details!.CampaignId, ct))!;
        return TypedResults.File(ApplicationFormDocument.Create(details, campaign), ApplicationFormDocument.ContentType,
            $"申报书-{details.OrganisationName}.docx");
    }

    static async Task<IResult> UploadStampedForm(Guid applicationId, HttpRequest http, IDocumentSession session, ScanArchive archive,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (await access.ChangeAsync(details is not null && (await ApplicationAccess.OfAsync(session, access.User, ct)).CanChange(details), ApplicationRules.NotFound) is { } refused)
            return refused;
        // Checked before the bytes are read, so that an upload that will be refused is not stored.
        if (details!.Status is not (ApplicationStatus.PassedInitialReview or ApplicationStatus.StampedFormUploaded))
            return Problems.Of(ApplicationRules.StampedFormAfterPassing);
        // The scan is kept only if the application records it; a refusal or a lost race removes it again.
        var version = await archive.StoreAsync(http.Body, http.ContentType, scan => session.DecideAsync<Application>(applicationId, details.Version,
            state => ApplicationDecider.Decide(new UploadStampedForm(applicationId, scan.DocumentId, scan.ContentType, scan.Length, scan.Sha256),
                state, clock.GetUtcNow()), ct), ct);
        return StreamVersion.WithETag(TypedResults.Ok(await session.LoadAsync<ApplicationDetails>(applicationId, ct)), version);
    }

    static async Task<IResult> DownloadStampedForm(Guid applicationId, IDocumentSession session, ScanArchive archive,
        AccessGuard access, CancellationToken ct)
    {
        var details = await session.LoadAsync<ApplicationDetails>(applicationId, ct);
        if (await access.ReadAsync(details?.StampedForm is not null && (await ApplicationAccess.OfAsync(session, access.User, ct)).CanSee(details), ApplicationRules.NotFound) is { } refused)
            return refused;
        var scan = details!.StampedForm!;
        return Results.Stream(output => archive.CopyToAsync(scan.DocumentId, output, ct), scan.ContentType,
            $"stamped-form-{applicationId}{ScanArchive.ExtensionOf(scan.ContentType)}");
    }
}
