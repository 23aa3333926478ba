namespace ServiceManufacturing.Contracts.Reference;

/// <summary>The service modes of BRIEF §2 by their API names (camelCase), with their Chinese names.</summary>
public static class ServiceModeNames
{
    static readonly Dictionary<string, string> Zh = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customization"] = "定制化服务",
        ["supplyChainManagement"] = "供应链管理",
        ["inspectionTestingCertification"] = "检验检测认证服务",
        ["fullLifeCycleManagement"] = "全生命周期管理",
        ["totalIntegrationContracting"] = "总集成总承包",
        ["energySavingEnvironmental"] = "节能环保服务",
        ["productiveFinancial"] = "生产性金融服务",
        ["sharedManufacturing"] = "共享制造",
        ["other"] = "其他服务型制造创新模式",
    };

    /// <summary>The Chinese name of <paramref name="mode"/>, or empty when there is none.</summary>
    public static string ChineseName(string? mode) => mode is not null && Zh.TryGetValue(mode, out var name) ? name : "";

    /// <summary>The API name of a mode given by its API name (any case) or its Chinese name, or null when it names none.</summary>
    public static string? ApiName(string? text) => text is null ? null
        : Zh.Keys.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) ?? Zh.FirstOrDefault(z => z.Value == text).Key;
}
