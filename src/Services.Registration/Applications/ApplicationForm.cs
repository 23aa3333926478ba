namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>服务型制造模式: the service modes of BRIEF §2 (shared manufacturing for platforms only).</summary>
public enum ServiceMode
{
    Customization, SupplyChainManagement, InspectionTestingCertification, FullLifeCycleManagement,
    TotalIntegrationContracting, EnergySavingEnvironmental, ProductiveFinancial, SharedManufacturing, Other,
}

public enum PlatformClass { SharedManufacturing, Other }

public enum PlatformOrigin { SpunOffManufacturer, ThirdParty }

public enum CityClass { Comprehensive, IndustrialDesign }

public enum IncidentKind { MajorQualityAccident, MajorEnvironmentalAccident, MajorSafetyAccident, IllegalAct, UnderInvestigation }

/// <summary>
/// The application form (附件1 申报书). A draft holds it partially; submission needs it complete for its category.
/// Only the section of the application's category is used.
/// </summary>
public sealed record ApplicationForm(
    ContactPerson? Contact = null,
    Declarations? Declarations = null,
    EnterpriseSection? Enterprise = null,
    PlatformSection? Platform = null,
    CitySection? City = null)
{
    public static ApplicationForm Empty { get; } = new();
}

public sealed record ContactPerson(string? Name, string? Title, string? Phone, string? Email);

/// <summary>申报主体共性条件: what the applicant declares about itself since the eligibility window's start.</summary>
public sealed record Declarations(bool? OperatingAndFinancialConditionGood, IReadOnlyList<DeclaredIncident>? Incidents);

/// <summary>A major quality, environmental or safety accident, an illegal act, or an investigation, and when.</summary>
public sealed record DeclaredIncident(IncidentKind Kind, DateOnly Date, string Description);

/// <summary>Revenue of one year, in 万元 (10,000 yuan).</summary>
public sealed record AnnualRevenue(int Year, decimal OperatingRevenue, decimal ServiceRevenue);

/// <summary>示范企业.</summary>
public sealed record EnterpriseSection(
    string? ManufacturingIndustry,
    ServiceMode? ServiceMode,
    string? OtherModeDescription,
    IReadOnlyList<AnnualRevenue>? Revenues,
    string? TransformationMeasures,
    string? Results);

/// <summary>How a shared-manufacturing platform serves each part of "平台接单、按工序分解、多工厂协同".</summary>
public sealed record SharedManufacturingCoverage(
    string? ResourcePublication, string? OrderMatching, string? ProductionManagement, string? PaymentGuarantee, string? CreditEvaluation);

/// <summary>示范平台.</summary>
public sealed record PlatformSection(
    PlatformClass? Class,
    PlatformOrigin? Origin,
    ServiceMode? ServiceMode,
    string? OtherModeDescription,
    DateOnly? InOperationSince,
    SharedManufacturingCoverage? SharedManufacturing,
    string? OnlineServices,
    string? Achievements);

/// <summary>示范城市, filed by the city's industry authority.</summary>
public sealed record CitySection(
    CityClass? Class,
    string? CityName,
    int? DemonstrationEnterprises,
    int? DemonstrationPlatforms,
    int? DemonstrationProjects,
    int? NationalIndustrialDesignCentres,
    string? Measures,
    string? Evidence);
