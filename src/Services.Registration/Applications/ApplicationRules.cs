using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>The rules of an application's lifecycle.</summary>
public static class ApplicationRules
{
    public static readonly Rule NotFound = Rule.NotFound("application-not-found",
        "申报不存在。", "The application does not exist.");
    public static readonly Rule AlreadyExists = Rule.Conflict("application-exists",
        "该申报已存在。", "An application with this id already exists.");
    public static readonly Rule AlreadySubmitted = Rule.Conflict("application-already-submitted",
        "申报已提交，不能再次提交。", "The application has already been submitted; it cannot be submitted again.");
    public static readonly Rule CityFiledByCityAuthority = Rule.Unprocessable("city-filed-by-city-authority",
        "示范城市申报由城市工业和信息化主管部门填报。", "A city application is filed by the city's industry authority, not by an enterprise.");
    public static readonly Rule CityAuthorityFilesCitiesOnly = Rule.Unprocessable("city-authority-files-cities-only",
        "城市主管部门只能填报示范城市申报。", "A city authority files only its city's application.");
    public static readonly Rule OwnOrganisationOnly = new("own-organisation-only", 403,
        "只能为本单位申报（统一社会信用代码须与账号一致）。", "You may apply only for your own organisation: the credit code must be your account's.");
}
