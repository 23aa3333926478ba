using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Identity.Accounts;

namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>
/// The development expert pool: eight experts in eight provinces, with their expertise and the days they are available
/// (the weekdays of July to September 2023, the fifth batch's review season, and of the next four months from seeding),
/// so that assignment and site-visit scheduling have experts to use. Each is created only when missing.
/// </summary>
public static class DevelopmentExperts
{
    static readonly string[] AllModes = [.. SubmissionValues.ServiceModes];
    static readonly string[] AllClasses = [.. SubmissionValues.Classes];

    /// <summary>User name, name, organisation, the 17 characters of its credit code before the check character, province, modes, classes.</summary>
    public static IReadOnlyList<(string UserName, string Name, string Organisation, string CodeStem, string AuthorityCode, string[] Modes, string[] Classes)> All { get; } =
    [
        ("expert.zhang", "张评审", "北京某某工业研究院", "12110000400000011", "110000",
            ["customization", "supplyChainManagement", "fullLifeCycleManagement", "sharedManufacturing"], ["sharedManufacturing", "other"]),
        ("expert.wang", "王评审", "上海某某大学", "12310000400000021", "310000",
            ["totalIntegrationContracting", "inspectionTestingCertification", "energySavingEnvironmental"], ["comprehensive", "industrialDesign"]),
        ("expert.li", "李评审", "江苏某某工程咨询中心", "12320000400000031", "320000", AllModes, ["other", "comprehensive"]),
        ("expert.zhao", "赵评审", "广东某某设计研究院", "12440000400000041", "440000",
            ["customization", "productiveFinancial", "other", "sharedManufacturing"], ["sharedManufacturing", "industrialDesign"]),
        ("expert.chen", "陈评审", "四川某某大学", "12510000400000051", "510000",
            ["supplyChainManagement", "fullLifeCycleManagement", "energySavingEnvironmental"], ["comprehensive", "other"]),
        ("expert.liu", "刘评审", "湖北某某研究所", "12420000400000061", "420000",
            ["inspectionTestingCertification", "totalIntegrationContracting", "productiveFinancial", "other"], ["industrialDesign", "sharedManufacturing"]),
        ("expert.sun", "孙评审", "陕西某某科学院", "12610000400000071", "610000", AllModes, AllClasses),
        ("expert.zhou", "周评审", "辽宁某某产业研究院", "12210000400000081", "210000", AllModes, AllClasses),
    ];

    /// <summary>The weekdays of July to September 2023 and of the 120 days from <paramref name="today"/>.</summary>
    public static IReadOnlyList<DateOnly> AvailableDates(DateOnly today) =>
    [
        .. Enumerable.Range(0, 92).Select(i => new DateOnly(2023, 7, 1).AddDays(i))
            .Concat(Enumerable.Range(0, 120).Select(today.AddDays))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Distinct().Order(),
    ];

    public static async Task SeedAsync(AccountOperations accounts, IDocumentSession session, string password, DateTimeOffset now, ILogger logger,
        CancellationToken ct)
    {
        foreach (var expert in All)
        {
            var account = await accounts.FindAsync(expert.UserName, ct);
            var accountId = account?.Id ?? await accounts.RegisterAsync(
                new RegisterAccountRequest(expert.UserName, password, expert.Name, PlatformRoles.Expert), PlatformRoles.Expert, "seed", ct);
            if (await session.Events.FetchStreamStateAsync(Expert.IdFor(accountId), ct) is not null) continue;
            var creditCode = expert.CodeStem + CreditCode.CheckCharacter(expert.CodeStem);
            var profile = new ExpertProfileFields(expert.Name, expert.Organisation, creditCode, expert.AuthorityCode, expert.Modes, expert.Classes,
                AvailableDates(DateOnly.FromDateTime(now.UtcDateTime)), true);
            await session.DecideAsync<Expert>(Expert.IdFor(accountId), null, state => ExpertDecider.Decide(
                new RecordExpertProfile(accountId, PlatformRoles.Expert, profile, "seed"), state, now), ct);
            logger.LogInformation("Seeded the expert {UserName} ({AuthorityCode})", expert.UserName, expert.AuthorityCode);
        }
    }
}
