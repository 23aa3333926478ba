namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// Query-string filters take the names the JSON uses (camelCase enum names). A value that is not one of them is a
/// validation error naming the parameter, like any other field.
/// </summary>
public sealed class QueryFilters
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public T? Enum<T>(string? value, string parameter) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !char.IsDigit(value[0]))
            return parsed;
        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        Errors[parameter] = [$"取值无效，可选：{allowed} / Not one of: {allowed}."];
        return null;
    }

    /// <summary><paramref name="value"/> when it is one of <paramref name="allowed"/> (or absent); else a validation error.</summary>
    public string? OneOf(string? value, string parameter, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(value) || allowed.Contains(value)) return string.IsNullOrEmpty(value) ? null : value;
        var names = string.Join(", ", allowed);
        Errors[parameter] = [$"取值无效，可选：{names} / Not one of: {names}."];
        return null;
    }

    public void Page(int page, int pageSize)
    {
        if (page < 1 || pageSize is < 1 or > 200)
            Errors["pageSize"] = ["页码从 1 开始，每页 1 至 200 条。 / Pages start at 1 and hold 1 to 200 items."];
    }
}
