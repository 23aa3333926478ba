using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>The rules of an application's lifecycle and of eligibility (BRIEF §3, §5), in Chinese and English.</summary>
public static class ApplicationRules
{
    public static readonly Rule NotFound = Rule.NotFound("application-not-found",
        "申报不存在。", "The application does not exist.");
    public static readonly Rule AlreadyExists = Rule.Conflict("application-exists",
        "该申报已存在。", "An application with this id already exists.");
    public static readonly Rule AlreadySubmitted = Rule.Conflict("application-already-submitted",
        "申报已提交，不能再次提交。", "The application has already been submitted; it cannot be submitted again.");
    public static readonly Rule NotEditable = Rule.Conflict("application-not-editable",
        "只有草稿或被退回修改的申报可以编辑。", "Only a draft, or an application returned for changes, can be edited.");
    public static readonly Rule CannotWithdraw = Rule.Conflict("application-cannot-withdraw",
        "推荐单位作出初审决定后不能撤回。", "An application can be withdrawn only until its authority decides on it.");
    public static readonly Rule CityFiledByCityAuthority = Rule.Unprocessable("city-filed-by-city-authority",
        "示范城市申报由城市工业和信息化主管部门填报。", "A city application is filed by the city's industry authority, not by an enterprise.");
    public static readonly Rule CityAuthorityFilesCitiesOnly = Rule.Unprocessable("city-authority-files-cities-only",
        "城市主管部门只能填报示范城市申报。", "A city authority files only its city's application.");
    public static readonly Rule OwnOrganisationOnly = new("own-organisation-only", 403,
        "只能为本单位申报（统一社会信用代码须与账号一致）。", "You may apply only for your own organisation: the credit code must be your account's.");
    public static readonly Rule OrganisationNotVerified = new("organisation-not-verified", 403,
        "本账号与申报单位的绑定尚未经推荐单位核验，暂不能提交申报（可先填写草稿）。",
        "Your account's binding to the organisation has not been verified by its authority yet: you may prepare drafts but not submit.");
    public static readonly Rule CityAuthorityOwnCity = new("city-authority-own-city", 403,
        "城市主管部门只能为本市、通过本市所属推荐单位申报（城市与推荐单位以账号为准）。",
        "A city authority files only for its own city, through its own authority, as its account says.");
    public static readonly Rule NoOpenCampaign = Rule.Unprocessable("no-open-campaign",
        "目前没有接受申报的遴选批次。", "No campaign is taking applications now.");
    public static readonly Rule CampaignClosed = Rule.Unprocessable("campaign-closed",
        "该申报所属批次已停止接受申报。", "The campaign of this application no longer takes applications.");
    public static readonly Rule Incomplete = Rule.Unprocessable("application-incomplete",
        "申报书尚未填写完整，见 errors 所列字段。", "The application form is not complete; see the fields listed in errors.");
    public static readonly Rule SharedManufacturingIsForPlatforms = Rule.Unprocessable("shared-manufacturing-platforms-only",
        "共享制造模式仅适用于示范平台。", "Shared manufacturing is a service mode of platforms only.");

    public static readonly Rule StampedFormAfterPassing = Rule.Conflict("stamped-form-after-passing",
        "通过推荐单位初审后，方可上传盖章的申报书扫描件。", "The stamped application form is uploaded after the authority's initial review passed it.");

    public static readonly Rule ThroughOwnAuthority = Rule.Unprocessable("apply-through-own-authority",
        "申报单位须通过其注册地的推荐单位申报（计划单列市的企业通过计划单列市申报，不通过所在省）。",
        "An organisation applies through the authority of where it is registered (in a separately planned city, that city, not the province).");

    // Eligibility, rule by rule.
    public static readonly Rule DeadlinePassed = Rule.Unprocessable("deadline-passed",
        "已过推荐单位的申报截止时间（北京时间当日 24 时），且未获工业和信息化部批准延期。",
        "The authority's deadline has passed (end of day, China Standard Time) and the ministry granted it no exception.");
    public static readonly Rule IncidentInWindow = Rule.Unprocessable("incident-in-eligibility-window",
        "自 2021 年 1 月 1 日（本批次规定的起始日）至今发生重大质量、环保或安全事故，或存在违法行为、涉嫌违法正在接受审查，不符合共性条件。",
        "A major quality, environmental or safety accident, an illegal act or an investigation since the campaign's window start makes the applicant ineligible.");
    public static readonly Rule PlatformTooYoung = Rule.Unprocessable("platform-operating-years",
        "申报平台截至申报日正式投入运营须满 2 年（以本批次规定为准）。",
        "A platform must have been formally in operation for the campaign's minimum full years (2) on the submission date.");
    public static readonly Rule AlreadyDemonstrationCity = Rule.Unprocessable("already-demonstration-city",
        "该城市已是服务型制造示范城市，不再重复申报。", "This city already is a service-oriented manufacturing demonstration city and does not apply again.");
    public static readonly Rule NoCitiesThroughXpcc = Rule.Unprocessable("no-cities-through-xpcc",
        "新疆生产建设兵团不推荐示范城市。", "The XPCC recommends no demonstration cities.");
    public static readonly Rule OneCityPerSeparatelyPlannedCity = Rule.Unprocessable("one-city-per-separately-planned-city",
        "计划单列市只能申报一个示范城市（综合类或工业设计特色类）。",
        "A separately planned city files one city application only, of either class.");

    /// <summary>The warning that travels with an enterprise whose service revenue is under the campaign's share.</summary>
    public const string ServiceRevenueBelowShare = SubmissionValues.ServiceRevenueBelowShare;
}
