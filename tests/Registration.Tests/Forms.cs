using ServiceManufacturing.Services.Registration.Applications;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Complete forms of each category, as an applicant would fill them in.</summary>
public static class Forms
{
    static readonly ContactPerson Contact = new("李明", "总经理助理", "0755-88880000", "liming@example.cn");
    static readonly Declarations Clean = new(true, [new DeclaredIncident(IncidentKind.MajorSafetyAccident, new DateOnly(2020, 6, 1), "2020 年车间火灾，已整改")]);

    public static ApplicationForm Enterprise(decimal operatingRevenue = 100_000m, decimal serviceRevenue = 40_000m) => new(Contact, Clean,
        Enterprise: new EnterpriseSection("通用设备制造业", ServiceMode.FullLifeCycleManagement, null,
            [new AnnualRevenue(2021, 90_000m, 30_000m), new AnnualRevenue(2022, operatingRevenue, serviceRevenue)],
            "战略规划、组织保障、技术创新、流程再造", "服务收入三年增长 60%"));

    public static ApplicationForm Platform(DateOnly inOperationSince, PlatformClass platformClass = PlatformClass.SharedManufacturing) => new(Contact, Clean,
        Platform: new PlatformSection(platformClass, PlatformOrigin.SpunOffManufacturer, ServiceMode.SharedManufacturing, null, inOperationSince,
            new SharedManufacturingCoverage("在线发布设备与产能", "订单智能匹配", "按工序分解、多工厂协同", "第三方支付担保", "双向信用评价"),
            "在线服务与线上线下联动", "接入工厂 1200 家"));

    public static ApplicationForm City(string cityName, CityClass cityClass = CityClass.Comprehensive) => new(Contact,
        City: new CitySection(cityClass, cityName, 12, 4, 6, 2, "出台服务型制造专项政策", "示范企业 12 家、平台 4 个、项目 6 个"));

    public static ApplicationForm WithIncident(this ApplicationForm form, DateOnly date) => form with
    {
        Declarations = new Declarations(true, [new DeclaredIncident(IncidentKind.MajorEnvironmentalAccident, date, "废水超标排放")]),
    };
}
