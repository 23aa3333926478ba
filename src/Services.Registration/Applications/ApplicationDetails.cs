using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using Marten;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Memberships;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>An application as its applicant, its authority and the API see it: the applicant's status view.</summary>
/// <param name="Id">申报编号 / The application's id.</param>
/// <param name="Version">版本号（与 ETag 相同） / The version, as in the ETag.</param>
/// <param name="CampaignId">所属批次 / The campaign it belongs to.</param>
/// <param name="OwnerSubject">创建它的账号（sub） / The account that created it (token subject).</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="OrganisationName">申报单位名称 / The applying organisation's name.</param>
/// <param name="CreditCode">统一社会信用代码（18 位） / The organisation's unified social credit code (18 characters).</param>
/// <param name="AuthorityCode">推荐单位代码（GB/T 2260） / The recommending authority's code (GB/T 2260).</param>
/// <param name="Status">申报状态；评审阶段由审核服务异步告知，可能稍有滞后 / The status; review stages arrive from the review service asynchronously and may lag the officer's decision by a moment.</param>
/// <param name="Form">申报书内容 / The application form.</param>
/// <param name="Round">第几次提交（退回修改后再提交加 1） / The submission round (1 at first submission, plus one per resubmission).</param>
/// <param name="ContentHash">最近一次提交内容的 SHA-256 / The SHA-256 of the last submitted content.</param>
/// <param name="Warnings">提醒审核人员的事项（规则代码） / Points for reviewers (rule codes), e.g. service-revenue-below-share.</param>
/// <param name="ReviewReason">退回、不予通过或撤回的理由 / The reason given when returned, rejected or withdrawn.</param>
/// <param name="ReviewSequence">已接收的评审消息序号（内部排序用） / The sequence of the last review message taken (for ordering).</param>
/// <param name="StampedForm">已上传的盖章申报书扫描件 / The stamped form's scan, once uploaded.</param>
/// <param name="CreatedAt">创建时间 / When the draft was created.</param>
/// <param name="UpdatedAt">最近修改时间 / When it last changed.</param>
/// <param name="SubmittedAt">最近一次提交时间 / When it was last submitted.</param>
/// <param name="OwnerOrganisation">所属申报单位的统一社会信用代码（申报企业、平台）；其已核验成员可见 / The owning organisation's unified social credit code (enterprises and platforms); its verified members see the application.</param>
public sealed record ApplicationDetails(
    Guid Id,
    long Version,
    Guid CampaignId,
    string OwnerSubject,
    ApplicationCategory Category,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    ApplicationStatus Status,
    ApplicationForm Form,
    int Round,
    string? ContentHash,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Warnings))] IReadOnlyList<string> Warnings,
    string? ReviewReason,
    long ReviewSequence,
    StampedScan? StampedForm,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    string? OwnerOrganisation = null);

/// <summary>The stamped form's scan as the platform keeps it.</summary>
/// <param name="DocumentId">扫描件编号 / The scan's id.</param>
/// <param name="ContentType">内容类型（application/pdf、image/jpeg 或 image/png） / Its content type (application/pdf, image/jpeg or image/png).</param>
/// <param name="Length">字节数 / Its size in bytes.</param>
/// <param name="Sha256">SHA-256（十六进制） / Its SHA-256 (hex).</param>
/// <param name="UploadedAt">上传时间 / When it was uploaded.</param>
public sealed record StampedScan(Guid DocumentId, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Keeps <see cref="ApplicationDetails"/> in step with each application's stream, in the same transaction.</summary>
public sealed class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDraftCreated> e) => new(
        e.Data.ApplicationId, e.Version, e.Data.CampaignId, e.Data.OwnerSubject, e.Data.Category, e.Data.OrganisationName,
        e.Data.CreditCode, e.Data.AuthorityCode, ApplicationStatus.Draft, ApplicationForm.Empty, 0, null, [], null, 0, null,
        e.Data.CreatedAt, e.Data.CreatedAt, null, e.Data.OwnerOrganisation);

    public static ApplicationDetails Apply(IEvent<ApplicationFormSaved> e, ApplicationDetails d) =>
        d with { Version = e.Version, Form = e.Data.Form, UpdatedAt = e.Data.SavedAt };

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails d) => d with
    {
        Version = e.Version, Status = ApplicationStatus.Submitted, Round = d.Round + 1, ContentHash = e.Data.ContentHash,
        Warnings = e.Data.Warnings, ReviewReason = null, SubmittedAt = e.Data.SubmittedAt, UpdatedAt = e.Data.SubmittedAt,
    };

    public static ApplicationDetails Apply(IEvent<StampedFormUploaded> e, ApplicationDetails d) => d with
    {
        Version = e.Version, Status = ApplicationStatus.StampedFormUploaded, UpdatedAt = e.Data.UploadedAt,
        StampedForm = new StampedScan(e.Data.DocumentId, e.Data.ContentType, e.Data.Length, e.Data.Sha256, e.Data.UploadedAt),
    };

    public static ApplicationDetails Apply(IEvent<ApplicationWithdrawn> e, ApplicationDetails d) =>
        d with { Version = e.Version, Status = ApplicationStatus.Withdrawn, ReviewReason = e.Data.Reason, UpdatedAt = e.Data.WithdrawnAt };

    public static ApplicationDetails Apply(IEvent<ReviewStageReported> e, ApplicationDetails d) =>
        Application.Moves(d.Status, d.ReviewSequence, e.Data)
            ? d with
            {
                Version = e.Version, Status = Application.StatusOf(e.Data.Stage), ReviewReason = e.Data.Reason,
                ReviewSequence = e.Data.ReviewSequence, UpdatedAt = e.Data.At,
            }
            : d with { Version = e.Version };

    /// <summary>
    /// The details as this projection stores them once <paramref name="appended"/> (the events a write just appended,
    /// ending at <paramref name="version"/>) followed <paramref name="before"/>, computed here with the projection's own
    /// methods instead of read back: null when <paramref name="before"/> is not the stream just ahead of them (another
    /// write came between) or an event is one the projection does not show, and the caller reads the stored details.
    /// </summary>
    public static ApplicationDetails? Following(ApplicationDetails? before, long version, IReadOnlyList<object> appended)
    {
        var start = version - appended.Count;
        if ((before?.Version ?? 0) != start) return null;
        var details = before;
        foreach (var (data, i) in appended.Select((data, i) => (data, i)))
        {
            var at = start + i + 1;
            details = (data, details) switch
            {
                (ApplicationDraftCreated e, null) => Create(At(e, at)),
                (ApplicationFormSaved e, { } d) => Apply(At(e, at), d),
                (ApplicationSubmitted e, { } d) => Apply(At(e, at), d),
                (StampedFormUploaded e, { } d) => Apply(At(e, at), d),
                (ApplicationWithdrawn e, { } d) => Apply(At(e, at), d),
                (ReviewStageReported e, { } d) => Apply(At(e, at), d),
                _ => null,
            };
            if (details is null) return null;
        }
        return details;
    }

    static Event<T> At<T>(T data, long version) where T : notnull => new(data) { Version = version };
}

/// <summary>
/// Who may see and change an application: the one access policy of Registration. Access is by owner, never by a shared
/// field alone. An applicant's application belongs to the account that created it and to its organisation: the creator
/// keeps its own drafts even before its binding is verified, every verified member of the organisation (Registration's
/// copy of Identity's word, <see cref="Membership"/>) sees and changes them all, a removed member none. A city's
/// application belongs to the city authority account that filed it. Once submitted, its authority sees it; the ministry
/// and auditors see everything.
/// </summary>
public sealed record ApplicationAccess(CurrentUser User, Membership? Membership)
{
    /// <summary>The access of <paramref name="user"/>, with what Registration knows of its membership.</summary>
    public static async Task<ApplicationAccess> OfAsync(IQuerySession session, CurrentUser user, CancellationToken ct) =>
        new(user, user.Is(PlatformRoles.Applicant) ? await session.LoadAsync<Membership>(Membership.IdFor(user.Subject), ct) : null);

    /// <summary>The application <paramref name="applicationId"/> (null if none) and the access of <paramref name="user"/>, read in one round trip.</summary>
    public static async Task<(ApplicationDetails? Details, ApplicationAccess Access)> WithApplicationAsync(IQuerySession session,
        CurrentUser user, Guid applicationId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var details = batch.Load<ApplicationDetails>(applicationId);
        var membership = user.Is(PlatformRoles.Applicant) ? batch.Load<Membership>(Membership.IdFor(user.Subject)) : Task.FromResult<Membership?>(null);
        await batch.Execute(ct);
        return (await details, new(user, await membership));
    }

    /// <summary>The credit code of the organisation the applicant is a verified member of, or null.</summary>
    public string? VerifiedOrganisation =>
        Membership is { Verified: true } m && m.CreditCode == User.CreditCode ? m.CreditCode : null;

    /// <summary>Identity said the account was removed from its organisation (and has not verified it again since).</summary>
    bool Removed => Membership is { Verified: false };

    public bool CanSee(ApplicationDetails application) =>
        User.SeesEverything
        || CanChange(application)
        || (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn) && User.ActsFor(application.AuthorityCode));

    public bool CanChange(ApplicationDetails application) => User.Role switch
    {
        PlatformRoles.Applicant => application.Category != ApplicationCategory.City
            && ((VerifiedOrganisation is { } organisation && application.OwnerOrganisation == organisation)
                || (application.OwnerSubject == User.Subject && !Removed)),
        PlatformRoles.CityAuthority => application.Category == ApplicationCategory.City && application.OwnerSubject == User.Subject,
        _ => false,
    };

    /// <summary>The applications of a list the user may see (an officer's: its authority's, once submitted).</summary>
    public IQueryable<ApplicationDetails> Scope(IQueryable<ApplicationDetails> query)
    {
        var subject = User.Subject;
        var authority = User.AuthorityCode;
        return User.Role switch
        {
            PlatformRoles.Applicant when VerifiedOrganisation is { } organisation =>
                query.Where(a => a.OwnerOrganisation == organisation || a.OwnerSubject == subject),
            PlatformRoles.Applicant when !Removed => query.Where(a => a.OwnerSubject == subject),
            PlatformRoles.CityAuthority => query.Where(a => a.OwnerSubject == subject && a.Category == ApplicationCategory.City),
            PlatformRoles.AuthorityOfficer => query.Where(a => a.AuthorityCode == authority
                && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn),
            _ when User.SeesEverything => query,
            _ => query.Where(a => a.Id == Guid.Empty),
        };
    }

    /// <summary>Why the user may not submit an application it may change, or null: an applicant submits only once verified.</summary>
    public Rule? SubmissionRefusal =>
        User.Is(PlatformRoles.Applicant) && VerifiedOrganisation is null ? ApplicationRules.OrganisationNotVerified : null;
}
