namespace ServiceManufacturing.Contracts.Reference;

/// <summary>The kinds of recommending authority (省级主管部门) the notice names; each has its own quotas.</summary>
public enum AuthorityType { Province, AutonomousRegion, Municipality, Xpcc, SeparatelyPlannedCity }

/// <summary>One of the 37 recommending authorities; <see cref="Code"/> is its GB/T 2260 division code (XPCC: 660000).</summary>
public sealed record Authority(string Code, string NameZh, string NameEn, AuthorityType Type, string? ParentCode);

/// <summary>The 37 recommending authorities of the notice, shared by every service as reference data.</summary>
public static class Authorities
{
    /// <summary>All of them, in the notice's order.</summary>
    public static IReadOnlyList<Authority> All { get; } = Load();

    static readonly Dictionary<string, Authority> ByCode = All.ToDictionary(a => a.Code);

    /// <summary>The authority with <paramref name="code"/>, or null.</summary>
    public static Authority? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var a) ? a : null;

    /// <summary>
    /// The authority an organisation registered at <paramref name="creditCode"/>'s division (its characters 3-8,
    /// GB/T 2260) applies through: a separately planned city for its own districts, else the province-level unit.
    /// Null where the code does not say (e.g. registered nationally); XPCC units register in Xinjiang and may use either.
    /// </summary>
    public static IReadOnlyList<Authority> ForRegistrationDivision(string creditCode)
    {
        var division = creditCode.Length >= 8 ? creditCode[2..8] : "";
        var city = All.FirstOrDefault(a => a.Type == AuthorityType.SeparatelyPlannedCity && division.StartsWith(a.Code[..4], StringComparison.Ordinal));
        if (city is not null) return [city];
        var province = All.FirstOrDefault(a => a.Type is not (AuthorityType.SeparatelyPlannedCity or AuthorityType.Xpcc)
            && division.StartsWith(a.Code[..2], StringComparison.Ordinal));
        if (province is null) return [];
        return province.Code == "650000" ? [province, Find("660000")!] : [province];
    }

    static List<Authority> Load()
    {
        using var stream = typeof(Authorities).Assembly.GetManifestResourceStream("authorities.csv")
            ?? throw new InvalidOperationException("authorities.csv is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new Authority(f[0], f[1], f[2], ParseType(f[3]), f[4].Length > 0 ? f[4] : null))
            .ToList();
    }

    static AuthorityType ParseType(string type) => type switch
    {
        "province" => AuthorityType.Province,
        "autonomous_region" => AuthorityType.AutonomousRegion,
        "municipality" => AuthorityType.Municipality,
        "xpcc" => AuthorityType.Xpcc,
        "separately_planned_city" => AuthorityType.SeparatelyPlannedCity,
        _ => throw new InvalidOperationException($"Unknown authority type '{type}'."),
    };
}
