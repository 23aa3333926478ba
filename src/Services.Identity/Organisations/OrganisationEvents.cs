namespace ServiceManufacturing.Services.Identity.Organisations;

/// <summary>The business-licence scan (营业执照) an applicant uploaded, as the platform keeps it.</summary>
/// <param name="DocumentId">扫描件编号 / The scan's id.</param>
/// <param name="ContentType">内容类型（application/pdf、image/jpeg 或 image/png） / Its content type.</param>
/// <param name="Length">字节数 / Its size in bytes.</param>
/// <param name="Sha256">SHA-256（十六进制） / Its SHA-256 (hex).</param>
public sealed record LicenceScan(Guid DocumentId, string ContentType, long Length, string Sha256);

/// <summary>
/// A self-registered applicant account asked to be bound to the organisation of <see cref="CreditCode"/>: the holder's
/// name, the organisation's name and its business-licence scan go to <see cref="AuthorityCode"/>, the authority of the
/// credit code's registration division (null: the code names no division, so the ministry decides).
/// <see cref="Licence"/> is null only for the development seed.
/// </summary>
public sealed record OrganisationBindingRequested(
    Guid BindingId, string CreditCode, Guid AccountId, string HolderName, string OrganisationName, string? AuthorityCode,
    LicenceScan? Licence, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>The authority's officer (or the ministry) checked the scan and the holder: the account is a verified member.</summary>
public sealed record OrganisationBindingApproved(Guid BindingId, string CreditCode, Guid AccountId, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>The authority's officer (or the ministry) refused the binding, saying why; the account may ask again.</summary>
public sealed record OrganisationBindingRefused(
    Guid BindingId, string CreditCode, Guid AccountId, string Reason, string RefusedBy, DateTimeOffset RefusedAt);

/// <summary>
/// The organisation's administrator (its longest-standing verified member) created an account for a colleague; the
/// new account is a verified member at once, with no second verification.
/// </summary>
public sealed record OrganisationMemberInvited(
    string CreditCode, Guid AccountId, string UserName, string HolderName, string InvitedBy, DateTimeOffset InvitedAt);

/// <summary>A member left or was removed (by the administrator, by its authority or by the ministry).</summary>
public sealed record OrganisationMemberRemoved(
    string CreditCode, Guid AccountId, string? Reason, string RemovedBy, DateTimeOffset RemovedAt);
