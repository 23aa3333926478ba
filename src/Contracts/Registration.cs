namespace ServiceManufacturing.Contracts;

/// <summary>The three categories a fifth-batch applicant can apply in (遴选类别).</summary>
public enum ApplicationCategory
{
    /// <summary>示范企业</summary>
    Enterprise,
    /// <summary>示范平台</summary>
    Platform,
    /// <summary>示范城市</summary>
    City,
}

/// <summary>
/// An applicant submitted its application to its recommending authority. Published once per submission (at least
/// once on the wire; the message id is the stored event's id). <see cref="Class"/> is the platform or city class
/// (sharedManufacturing, other, comprehensive, industrialDesign), <see cref="Warnings"/> what reviewers should see.
/// </summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    long Version,
    Guid CampaignId,
    ApplicationCategory Category,
    string? Class,
    string? ServiceMode,
    string OrganisationName,
    string CreditCode,
    string AuthorityCode,
    string? ContactName,
    string? ContactPhone,
    IReadOnlyList<string> Warnings,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<string>? RelatedParties = null);

/// <summary>
/// The closed sets <see cref="ApplicationSubmitted"/>'s string fields take: Registration's enums by their JSON names
/// (camelCase), and the rule codes of its warnings. The API declares them as enums and refuses other filter values.
/// </summary>
public static class SubmissionValues
{
    /// <summary>Service revenue is under the campaign's share of operating revenue (in principle 30%).</summary>
    public const string ServiceRevenueBelowShare = "service-revenue-below-share";

    /// <summary>The warnings a submission may carry for reviewers.</summary>
    public static IReadOnlyList<string> Warnings { get; } = [ServiceRevenueBelowShare];

    /// <summary>Platform classes (sharedManufacturing, other) and city classes (comprehensive, industrialDesign).</summary>
    public static IReadOnlyList<string> Classes { get; } = ["sharedManufacturing", "other", "comprehensive", "industrialDesign"];

    /// <summary>The service modes (服务型制造模式).</summary>
    public static IReadOnlyList<string> ServiceModes { get; } =
    [
        "customization", "supplyChainManagement", "inspectionTestingCertification", "fullLifeCycleManagement",
        "totalIntegrationContracting", "energySavingEnvironmental", "productiveFinancial", "sharedManufacturing", "other",
    ];
}

/// <summary>The applicant uploaded its stamped application form (the authority may now recommend it).</summary>
public sealed record StampedFormUploaded(Guid ApplicationId, string Sha256, DateTimeOffset UploadedAt);

/// <summary>A recommending authority reported (or updated) its contact person for a campaign.</summary>
public sealed record ContactPersonReported(
    Guid CampaignId, string AuthorityCode, string Name, string Title, string Phone, string? Fax, string Email, DateTimeOffset ReportedAt);

/// <summary>The applicant withdrew its application before its authority decided; its review case closes.</summary>
public sealed record ApplicationWithdrawn(Guid ApplicationId, DateTimeOffset WithdrawnAt);
