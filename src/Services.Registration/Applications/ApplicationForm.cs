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
/// <param name="Contact">申报联系人；提交时必填 / The contact person; required for submission.</param>
/// <param name="Declarations">共性条件声明；企业、平台提交时必填 / The applicant's declarations; required to submit an enterprise or platform.</param>
/// <param name="Enterprise">示范企业部分（category 为 enterprise 时使用） / The enterprise section, used when the category is enterprise.</param>
/// <param name="Platform">示范平台部分（category 为 platform 时使用） / The platform section, used when the category is platform.</param>
/// <param name="City">示范城市部分（category 为 city 时使用） / The city section, used when the category is city.</param>
/// <param name="RelatedParties">关联单位的统一社会信用代码（至多 50 个；这些单位的专家须回避） / The unified social credit codes of related parties (at most 50); their experts may not review the application.</param>
public sealed record ApplicationForm(
    ContactPerson? Contact = null,
    Declarations? Declarations = null,
    EnterpriseSection? Enterprise = null,
    PlatformSection? Platform = null,
    CitySection? City = null,
    IReadOnlyList<string>? RelatedParties = null)
{
    public static ApplicationForm Empty { get; } = new();
}

/// <summary>申报联系人 / The applicant's contact person.</summary>
/// <param name="Name">姓名；提交时必填 / Name; required for submission.</param>
/// <param name="Title">职务 / Position.</param>
/// <param name="Phone">电话；提交时必填 / Telephone; required for submission.</param>
/// <param name="Email">电子邮箱；提交时须有效 / E-mail; a valid address is required for submission.</param>
public sealed record ContactPerson(string? Name, string? Title, string? Phone, string? Email);

/// <summary>申报主体共性条件: what the applicant declares about itself since the eligibility window's start.</summary>
/// <param name="OperatingAndFinancialConditionGood">运营和财务状况良好；企业、平台提交时须为 true / Operating and financial condition good; must be true to submit an enterprise or platform application.</param>
/// <param name="Incidents">遴选期内发生的重大事故或违法行为；期内有任一项则不能提交 / Incidents; any dated on or after the campaign's eligibility window start refuses submission (incident-in-window).</param>
public sealed record Declarations(bool? OperatingAndFinancialConditionGood, IReadOnlyList<DeclaredIncident>? Incidents);

/// <summary>A major quality, environmental or safety accident, an illegal act, or an investigation, and when.</summary>
/// <param name="Kind">事故或违法行为的种类 / What happened.</param>
/// <param name="Date">发生日期（YYYY-MM-DD） / When it happened (date).</param>
/// <param name="Description">说明 / A description.</param>
public sealed record DeclaredIncident(IncidentKind Kind, DateOnly Date, string Description);

/// <summary>Revenue of one year, in 万元 (10,000 yuan).</summary>
/// <param name="Year">年度 / The year.</param>
/// <param name="OperatingRevenue">营业收入，单位：万元（大于 0） / Operating revenue, in 万元 (10,000 yuan); more than 0.</param>
/// <param name="ServiceRevenue">服务收入，单位：万元（0 至营业收入；低于 30% 时提示） / Service revenue, in 万元 (10,000 yuan); 0 to the operating revenue. Below the campaign's share (30%) the application is flagged, not refused.</param>
public sealed record AnnualRevenue(int Year, decimal OperatingRevenue, decimal ServiceRevenue);

/// <summary>示范企业.</summary>
/// <param name="ManufacturingIndustry">所属制造业行业；示范企业提交时必填 / Manufacturing industry; required to submit an enterprise application.</param>
/// <param name="ServiceMode">服务型制造模式；示范企业提交时必填（共享制造仅限平台） / Service mode; required to submit an enterprise application (shared manufacturing is for platforms only).</param>
/// <param name="OtherModeDescription">选择 other 时的模式说明（必填） / The mode, when serviceMode is other (then required).</param>
/// <param name="Revenues">近年营业收入与服务收入（万元）；示范企业提交时必填 / Revenues of recent years, in 万元; required to submit an enterprise application.</param>
/// <param name="TransformationMeasures">服务化转型举措；示范企业提交时必填 / Transformation measures; required to submit an enterprise application.</param>
/// <param name="Results">成效；示范企业提交时必填 / Results; required to submit an enterprise application.</param>
public sealed record EnterpriseSection(
    string? ManufacturingIndustry,
    ServiceMode? ServiceMode,
    string? OtherModeDescription,
    IReadOnlyList<AnnualRevenue>? Revenues,
    string? TransformationMeasures,
    string? Results);

/// <summary>How a shared-manufacturing platform serves each part of "平台接单、按工序分解、多工厂协同".</summary>
/// <param name="ResourcePublication">资源发布；共享制造平台提交时必填 / Resource publication; required to submit a shared-manufacturing platform.</param>
/// <param name="OrderMatching">订单匹配；共享制造平台提交时必填 / Order matching; required to submit a shared-manufacturing platform.</param>
/// <param name="ProductionManagement">生产管理；共享制造平台提交时必填 / Production management; required to submit a shared-manufacturing platform.</param>
/// <param name="PaymentGuarantee">支付保障；共享制造平台提交时必填 / Payment guarantee; required to submit a shared-manufacturing platform.</param>
/// <param name="CreditEvaluation">信用评价；共享制造平台提交时必填 / Credit evaluation; required to submit a shared-manufacturing platform.</param>
public sealed record SharedManufacturingCoverage(
    string? ResourcePublication, string? OrderMatching, string? ProductionManagement, string? PaymentGuarantee, string? CreditEvaluation);

/// <summary>示范平台.</summary>
/// <param name="Class">平台类别；示范平台提交时必填 / Platform class; required to submit a platform application.</param>
/// <param name="Origin">平台来源；示范平台提交时必填 / Where the platform comes from; required to submit a platform application.</param>
/// <param name="ServiceMode">服务型制造模式；示范平台提交时必填 / Service mode; required to submit a platform application.</param>
/// <param name="OtherModeDescription">选择 other 时的模式说明（必填） / The mode, when serviceMode is other (then required).</param>
/// <param name="InOperationSince">上线运营日期；须满批次规定的年限 / In operation since (date); the campaign's minimum operating years must have passed.</param>
/// <param name="SharedManufacturing">共享制造平台的五项能力；class 为 sharedManufacturing 时必填 / The five capabilities; required when class is sharedManufacturing.</param>
/// <param name="OnlineServices">线上服务；class 为 other 时必填 / Online services; required when class is other.</param>
/// <param name="Achievements">成效（可选） / Achievements (optional).</param>
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
/// <param name="Class">城市类别；示范城市提交时必填 / City class; required to submit a city application.</param>
/// <param name="CityName">城市名称；提交时必填（已是示范城市的不能再申报） / The city's name; required (a city that is already a demonstration city may not apply).</param>
/// <param name="DemonstrationEnterprises">本市示范企业数；综合类城市提交时必填 / Demonstration enterprises in the city; required for a comprehensive city.</param>
/// <param name="DemonstrationPlatforms">本市示范平台数；综合类城市提交时必填 / Demonstration platforms in the city; required for a comprehensive city.</param>
/// <param name="DemonstrationProjects">本市示范项目数；综合类城市提交时必填 / Demonstration projects in the city; required for a comprehensive city.</param>
/// <param name="NationalIndustrialDesignCentres">国家级工业设计中心数；工业设计特色类城市提交时必填 / National industrial design centres; required for an industrial-design city.</param>
/// <param name="Measures">推进举措；提交时必填 / Measures; required for submission.</param>
/// <param name="Evidence">佐证材料说明；提交时必填 / Evidence; required for submission.</param>
public sealed record CitySection(
    CityClass? Class,
    string? CityName,
    int? DemonstrationEnterprises,
    int? DemonstrationPlatforms,
    int? DemonstrationProjects,
    int? NationalIndustrialDesignCentres,
    string? Measures,
    string? Evidence);
