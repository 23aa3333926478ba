using Marten;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Campaigns;

namespace ServiceManufacturing.Services.Registration.AuthorityContacts;

/// <summary>推荐单位联系人 / An authority's contact person.</summary>
/// <param name="Name">姓名（必填） / Name (required).</param>
/// <param name="Title">职务（必填） / Position (required).</param>
/// <param name="Phone">电话（必填） / Telephone (required).</param>
/// <param name="Fax">传真（可选） / Fax (optional).</param>
/// <param name="Email">电子邮箱（必填） / E-mail (required).</param>
public sealed record ContactPersonRequest(string? Name, string? Title, string? Phone, string? Fax, string? Email);

/// <summary>A recommending authority, with its contact for the current campaign when the caller may see it.</summary>
/// <param name="Code">推荐单位代码（GB/T 2260） / Its code (GB/T 2260).</param>
/// <param name="NameZh">中文名称 / Its name in Chinese.</param>
/// <param name="NameEn">英文名称 / Its name in English.</param>
/// <param name="Type">推荐单位类型（决定名额） / Its type (which sets its quota).</param>
/// <param name="ParentCode">计划单列市所属省份 / The province of a separately planned city.</param>
/// <param name="Contact">本批次联系人（调用者可见时） / Its contact person for the current campaign, when the caller may see it.</param>
public sealed record AuthoritySummary(string Code, string NameZh, string NameEn, AuthorityType Type, string? ParentCode, AuthorityContact? Contact);

public static class AuthoritiesApi
{
    static readonly Rule NotFound = Rule.NotFound("authority-not-found", "推荐单位不存在，或尚未报送联系人。",
        "No such authority, or it has not reported a contact person yet.");

    public static RouteGroupBuilder MapAuthoritiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/authorities").WithTags("Recommending authorities");
        api.MapGet("/", List).WithName("ListAuthorities").WithSummary("37 个推荐单位 / The 37 recommending authorities")
            .Produces<IReadOnlyList<AuthoritySummary>>();
        api.MapGet("/{authorityCode}/contact-person", GetContact).WithName("GetContactPerson")
            .WithSummary("查看联系人 / Read an authority's contact person")
            .RequireRoles(PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor)
            .Produces<AuthorityContact>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{authorityCode}/contact-person", ReportContact).WithName("ReportContactPerson")
            .WithSummary("报送或更新联系人 / Report or update the contact person").RequireRoles(PlatformRoles.AuthorityOfficer)
            .Produces<AuthorityContact>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>Everyone signed in sees the list; contacts show to the ministry, auditors and each authority for itself.</summary>
    static async Task<IResult> List(IQuerySession session, AccessGuard access, CancellationToken ct)
    {
        var campaign = await CampaignsApi.CurrentAsync(session, ct);
        var contacts = campaign is null ? [] : await session.Query<AuthorityContact>().Where(c => c.CampaignId == campaign.Id).ToListAsync(ct);
        var user = access.User;
        return TypedResults.Ok(Authorities.All.Select(a => new AuthoritySummary(a.Code, a.NameZh, a.NameEn, a.Type, a.ParentCode,
            user.ActsFor(a.Code) ? contacts.FirstOrDefault(c => c.AuthorityCode == a.Code) : null)).ToList());
    }

    static async Task<IResult> GetContact(string authorityCode, IDocumentSession session, AccessGuard access, CancellationToken ct)
    {
        var campaign = await CampaignsApi.CurrentAsync(session, ct);
        var contact = campaign is null ? null : await session.LoadAsync<AuthorityContact>(AuthorityContact.StreamId(campaign.Id, authorityCode), ct);
        return await access.ReadAsync(contact is not null && access.User.ActsFor(authorityCode), NotFound) ?? TypedResults.Ok(contact);
    }

    static async Task<IResult> ReportContact(string authorityCode, ContactPersonRequest request, IDocumentSession session,
        AccessGuard access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.ChangeAsync(Authorities.Find(authorityCode) is not null && access.User.AuthorityCode == authorityCode, NotFound) is { } refused)
            return refused;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 50) errors["name"] = ["请填写联系人姓名。 / Give the contact's name."];
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 50) errors["title"] = ["请填写职务。 / Give the contact's title."];
        if (request.Phone is null || !ContactRules.PhonePattern().IsMatch(request.Phone)) errors["phone"] = ["请填写有效电话号码。 / Give a valid phone number."];
        if (request.Fax is { Length: > 0 } fax && !ContactRules.PhonePattern().IsMatch(fax)) errors["fax"] = ["传真号码无效。 / The fax number is not valid."];
        if (request.Email is null || !ContactRules.EmailPattern().IsMatch(request.Email)) errors["email"] = ["请填写有效电子邮箱。 / Give a valid e-mail address."];
        if (errors.Count > 0) return Problems.Validation(errors);
        var campaign = await CampaignsApi.CurrentAsync(session, ct);
        if (campaign is null) return Problems.Of(CampaignRules.NotFound);

        var command = new ReportContactPerson(campaign, authorityCode, request.Name!.Trim(), request.Title!.Trim(), request.Phone!.Trim(),
            string.IsNullOrWhiteSpace(request.Fax) ? null : request.Fax.Trim(), request.Email!.Trim(), access.User.AuditName);
        var id = AuthorityContact.StreamId(campaign.Id, authorityCode);
        await session.DecideAsync<AuthorityContact>(id, null, state => ContactDecider.Decide(command, state, clock.GetUtcNow()), ct);
        return TypedResults.Ok(await session.LoadAsync<AuthorityContact>(id, ct));
    }
}
