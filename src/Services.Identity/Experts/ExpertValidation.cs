using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>An expert's profile, as the ministry sets it.</summary>
/// <param name="Name">专家姓名（必填，不超过 50 字） / The expert's name (required, at most 50 characters).</param>
/// <param name="Organisation">工作单位（必填，不超过 200 字） / The organisation the expert works for (required, at most 200 characters).</param>
/// <param name="CreditCode">工作单位的统一社会信用代码（必填） / Its unified social credit code (required).</param>
/// <param name="AuthorityCode">专家所在省级地区（37 个推荐单位代码之一，必填） / The expert's province-level authority (one of the 37 codes; required).</param>
/// <param name="ServiceModes">擅长的服务型制造模式 / The service modes the expert judges.</param>
/// <param name="CityClasses">擅长的平台或城市类别 / The platform and city classes the expert judges.</param>
/// <param name="AvailableDates">可参加评审或现场考查的日期（至多 366 天） / The days the expert is available (at most 366).</param>
/// <param name="Active">是否可被分配（默认是） / Whether the expert may be assigned (default: yes).</param>
public sealed record ExpertProfileRequest(
    string? Name, string? Organisation, string? CreditCode, string? AuthorityCode,
    IReadOnlyList<string>? ServiceModes, IReadOnlyList<string>? CityClasses, IReadOnlyList<DateOnly>? AvailableDates, bool? Active = null);

/// <summary>A new expert: an expert account and its profile, created together by the ministry.</summary>
/// <param name="UserName">用户名（必填，3 至 64 位小写字母、数字或 . _ @ -） / The user name (required; 3 to 64 lower-case letters, digits or . _ @ -).</param>
/// <param name="Password">初始密码（必填，至少 10 位，同时包含字母和数字） / The first password (required; at least 10 characters, with letters and digits).</param>
/// <param name="Profile">专家信息（必填） / The expert's profile (required).</param>
public sealed record NewExpertRequest(string? UserName, string? Password, ExpertProfileRequest? Profile);

/// <summary>The days an expert is available.</summary>
/// <param name="AvailableDates">可参加评审或现场考查的日期（必填，至多 366 天） / The days the expert is available (required, at most 366).</param>
public sealed record AvailableDatesRequest(IReadOnlyList<DateOnly>? AvailableDates);

/// <summary>The rules an expert's profile follows, checked before anything is stored.</summary>
public static class ExpertValidation
{
    public const int MaxAvailableDates = 366;

    public static Dictionary<string, string[]> Validate(ExpertProfileRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["profile"] = ["请填写专家信息。 / Give the expert's profile."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 50 || request.Name.Any(char.IsControl))
            errors["name"] = ["请填写专家姓名（不超过 50 字）。 / Give the expert's name (at most 50 characters)."];
        if (string.IsNullOrWhiteSpace(request.Organisation) || request.Organisation.Trim().Length > 200 || request.Organisation.Any(char.IsControl))
            errors["organisation"] = ["请填写工作单位（不超过 200 字）。 / Give the expert's organisation (at most 200 characters)."];
        if (CreditCode.Problem(request.CreditCode) is { } creditCode) errors["creditCode"] = [creditCode];
        if (Authorities.Find(request.AuthorityCode) is null)
            errors["authorityCode"] = ["请选择 37 个推荐单位代码之一。 / Choose one of the 37 authority codes."];
        var modes = request.ServiceModes ?? [];
        var classes = request.CityClasses ?? [];
        if (modes.Any(m => !SubmissionValues.ServiceModes.Contains(m)))
            errors["serviceModes"] = [$"服务型制造模式须为：{string.Join("、", SubmissionValues.ServiceModes)}。 / Service modes are: {string.Join(", ", SubmissionValues.ServiceModes)}."];
        if (classes.Any(c => !SubmissionValues.Classes.Contains(c)))
            errors["cityClasses"] = [$"类别须为：{string.Join("、", SubmissionValues.Classes)}。 / Classes are: {string.Join(", ", SubmissionValues.Classes)}."];
        if (modes.Count == 0 && classes.Count == 0)
            errors["serviceModes"] = ["请至少选择一个擅长的模式或类别。 / Choose at least one service mode or class."];
        if (DatesProblem(request.AvailableDates ?? []) is { } dates) errors["availableDates"] = [dates];
        return errors;
    }

    public static string? DatesProblem(IReadOnlyList<DateOnly> dates) =>
        dates.Count > MaxAvailableDates || dates.Any(d => d.Year is < 2000 or > 2100)
            ? $"可用日期至多 {MaxAvailableDates} 天，且须在 2000 至 2100 年之间。 / At most {MaxAvailableDates} available days, between 2000 and 2100."
            : null;

    public static ExpertProfileFields Fields(ExpertProfileRequest r) => new(r.Name!.Trim(), r.Organisation!.Trim(),
        r.CreditCode!.Trim().ToUpperInvariant(), r.AuthorityCode!, r.ServiceModes ?? [], r.CityClasses ?? [], r.AvailableDates ?? [], r.Active ?? true);
}
