using System.Text.Json;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>
/// Query-string filters take exactly the names the JSON uses (camelCase enum names: no other case, no spaces). A value
/// that is not one of them is a validation error naming the parameter, like any other field.
/// </summary>
public sealed class QueryFilters
{
    /// <summary>The largest page size a list answers with.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The last page a list can be asked for; with <see cref="MaxPageSize"/> the offset stays far from overflow.</summary>
    public const int MaxPage = 100_000;

    public Dictionary<string, string[]> Errors { get; } = [];

    public T? Enum<T>(string? value, string parameter) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var name in System.Enum.GetNames<T>())
            if (JsonNamingPolicy.CamelCase.ConvertName(name) == value) return System.Enum.Parse<T>(name);
        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
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
        if (page is < 1 or > MaxPage)
            Errors["page"] = [$"页码从 1 至 {MaxPage}。 / Pages run from 1 to {MaxPage}."];
        if (pageSize is < 1 or > MaxPageSize)
            Errors["pageSize"] = [$"每页 1 至 {MaxPageSize} 条。 / A page holds 1 to {MaxPageSize} items."];
    }
}
