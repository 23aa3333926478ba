using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>What a form still lacks before it can be submitted in its category, by field.</summary>
public static class FormCompleteness
{
    const string Required = "必填。 / Required.";

    public static Dictionary<string, string[]> Missing(ApplicationCategory category, ApplicationForm form)
    {
        var missing = new Dictionary<string, string[]>();
        void Need(bool present, string field, string message = Required) { if (!present) missing[field] = [message]; }
        static bool Text(string? s) => !string.IsNullOrWhiteSpace(s);

        Need(Text(form.Contact?.Name), "contact.name");
        Need(Text(form.Contact?.Phone), "contact.phone");
        Need(form.Contact?.Email is { } email && email.Contains('@'), "contact.email", "请填写有效的电子邮箱。 / Give a valid e-mail address.");
        if (category != ApplicationCategory.City)
            Need(form.Declarations?.OperatingAndFinancialConditionGood == true, "declarations.operatingAndFinancialConditionGood",
                "须声明运营和财务状况良好。 / The applicant must declare its operating and financial condition good.");

        switch (category)
        {
            case ApplicationCategory.Enterprise:
                var e = form.Enterprise;
                Need(Text(e?.ManufacturingIndustry), "enterprise.manufacturingIndustry");
                Need(e?.ServiceMode is not null, "enterprise.serviceMode");
                Need(e?.ServiceMode != ServiceMode.Other || Text(e.OtherModeDescription), "enterprise.otherModeDescription",
                    "选择“其他服务型制造创新模式”时须说明。 / Describe the mode when choosing 'other'.");
                Need(e?.Revenues is { Count: > 0 } revenues && revenues.All(r => r.OperatingRevenue > 0 && r.ServiceRevenue >= 0
                    && r.ServiceRevenue <= r.OperatingRevenue), "enterprise.revenues",
                    "须填写近年营业收入与服务收入（服务收入不超过营业收入）。 / Give operating and service revenue of recent years (service revenue at most operating revenue).");
                Need(Text(e?.TransformationMeasures), "enterprise.transformationMeasures");
                Need(Text(e?.Results), "enterprise.results");
                break;
            case ApplicationCategory.Platform:
                var p = form.Platform;
                Need(p?.Class is not null, "platform.class");
                Need(p?.Origin is not null, "platform.origin");
                Need(p?.ServiceMode is not null, "platform.serviceMode");
                Need(p?.ServiceMode != ServiceMode.Other || Text(p.OtherModeDescription), "platform.otherModeDescription");
                // A date saved before the range was checked is not taken as complete (nor used in "2 full years").
                Need(p?.InOperationSince is { } since && ServiceManufacturing.ServiceDefaults.Http.PlausibleDate.Holds(since),
                    "platform.inOperationSince", p?.InOperationSince is null ? Required : ServiceManufacturing.ServiceDefaults.Http.PlausibleDate.Message);
                if (p?.Class == PlatformClass.SharedManufacturing)
                {
                    var s = p.SharedManufacturing;
                    Need(Text(s?.ResourcePublication), "platform.sharedManufacturing.resourcePublication");
                    Need(Text(s?.OrderMatching), "platform.sharedManufacturing.orderMatching");
                    Need(Text(s?.ProductionManagement), "platform.sharedManufacturing.productionManagement");
                    Need(Text(s?.PaymentGuarantee), "platform.sharedManufacturing.paymentGuarantee");
                    Need(Text(s?.CreditEvaluation), "platform.sharedManufacturing.creditEvaluation");
                }
                else
                {
                    Need(Text(p?.OnlineServices), "platform.onlineServices");
                }
                break;
            case ApplicationCategory.City:
                var c = form.City;
                Need(c?.Class is not null, "city.class");
                Need(Text(c?.CityName), "city.cityName");
                Need(Text(c?.Measures), "city.measures");
                Need(Text(c?.Evidence), "city.evidence");
                if (c?.Class == CityClass.Comprehensive)
                {
                    Need(c.DemonstrationEnterprises is >= 0, "city.demonstrationEnterprises");
                    Need(c.DemonstrationPlatforms is >= 0, "city.demonstrationPlatforms");
                    Need(c.DemonstrationProjects is >= 0, "city.demonstrationProjects");
                }
                if (c?.Class == CityClass.IndustrialDesign)
                    Need(c.NationalIndustrialDesignCentres is >= 0, "city.nationalIndustrialDesignCentres");
                break;
        }
        return missing;
    }
}
