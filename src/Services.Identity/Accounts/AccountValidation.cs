using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using System.Text.RegularExpressions;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Accounts;

/// <summary>A new account: an applicant registering itself, or one the ministry creates.</summary>
/// <param name="UserName">用户名（必填，3 至 64 位小写字母、数字或 . _ @ -） / The user name (required; 3 to 64 lower-case letters, digits or . _ @ -).</param>
/// <param name="Password">密码（必填，至少 10 位，同时包含字母和数字） / The password (required; at least 10 characters, with letters and digits).</param>
/// <param name="DisplayName">显示名称（必填，不超过 200 字） / The name shown (required, at most 200 characters).</param>
/// <param name="Role">角色（必填） / The role (required).</param>
/// <param name="AuthorityCode">推荐单位代码；推荐单位、城市主管部门必填 / The authority; required for authority officers and city authorities.</param>
/// <param name="CreditCode">统一社会信用代码；申报单位必填 / The unified social credit code; required for applicants.</param>
/// <param name="City">城市名称；城市主管部门必填 / The city; required for city authorities.</param>
public sealed record RegisterAccountRequest(
    string? UserName, string? Password, string? DisplayName, [property: OneOf(typeof(PlatformRoles), nameof(PlatformRoles.All))] string? Role = null,
    string? AuthorityCode = null, string? CreditCode = null, string? City = null);

/// <summary>The rules an account's fields follow, checked before anything is stored.</summary>
public static partial class AccountValidation
{
    public const int MinPasswordLength = 10;

    [GeneratedRegex("^[a-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static Dictionary<string, string[]> Validate(RegisterAccountRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.UserName is null || !UserNamePattern().IsMatch(Normalize(request.UserName)))
            errors["userName"] = ["用户名为 3 至 64 位字母、数字或 . _ @ -。 / The user name has 3 to 64 letters, digits or . _ @ -."];
        if (PasswordProblem(request.Password) is { } password) errors["password"] = [password];
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
            errors["displayName"] = ["请填写名称（不超过 200 字）。 / Give a name (at most 200 characters)."];
        switch (request.Role)
        {
            case PlatformRoles.Applicant when CreditCode.Problem(request.CreditCode) is { } problem:
                errors["creditCode"] = [problem];
                break;
            case PlatformRoles.AuthorityOfficer or PlatformRoles.CityAuthority when Authorities.Find(request.AuthorityCode) is null:
                errors["authorityCode"] = ["请选择 37 个推荐单位之一。 / Choose one of the 37 recommending authorities."];
                break;
            case PlatformRoles.CityAuthority when string.IsNullOrWhiteSpace(request.City):
                errors["city"] = ["请填写城市名称。 / Name the city."];
                break;
            case PlatformRoles.CityAuthority when CityAuthorityProblem(request.AuthorityCode!, request.City!) is { } problem:
                errors["authorityCode"] = [problem];
                break;
            case null or "" or not (PlatformRoles.Applicant or PlatformRoles.CityAuthority or PlatformRoles.AuthorityOfficer
                or PlatformRoles.MinistryOfficer or PlatformRoles.Expert or PlatformRoles.Auditor):
                errors["role"] = ["未知角色。 / Unknown role."];
                break;
        }
        return errors;
    }

    /// <summary>
    /// A city files through its own authority: a separately planned city through itself, any other city through its
    /// province-level authority (never through a separately planned city, nor through the XPCC, which recommends no cities).
    /// </summary>
    public static string? CityAuthorityProblem(string authorityCode, string city)
    {
        static string Normalise(string name) => name.Replace(" ", "").Replace("　", "").TrimEnd('市');
        var authority = Authorities.Find(authorityCode)!;
        var separatelyPlanned = Authorities.All.FirstOrDefault(a => a.Type == AuthorityType.SeparatelyPlannedCity && Normalise(a.NameZh) == Normalise(city));
        if (separatelyPlanned is not null && separatelyPlanned.Code != authority.Code)
            return $"计划单列市{separatelyPlanned.NameZh}通过本市（{separatelyPlanned.Code}）申报。 / {separatelyPlanned.NameEn} files through itself ({separatelyPlanned.Code}).";
        if (authority.Type == AuthorityType.Xpcc)
            return "新疆生产建设兵团不推荐示范城市。 / The XPCC recommends no demonstration cities.";
        if (separatelyPlanned is null && authority.Type == AuthorityType.SeparatelyPlannedCity)
            return $"{authority.NameZh}只为本市申报，其他城市通过所在省级主管部门申报。 / {authority.NameEn} files only for itself; other cities file through their province-level authority.";
        return null;
    }

    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinPasswordLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit)
            ? $"密码至少 {MinPasswordLength} 位，且同时包含字母和数字。 / The password needs at least {MinPasswordLength} characters, with letters and digits."
            : null;
}
