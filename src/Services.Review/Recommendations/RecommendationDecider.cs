using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Recommendations;

public abstract record RecommendationCommand(Guid ListId);

/// <summary>Add <paramref name="Candidate"/> at the end of its list, within the campaign's quota for the authority.</summary>
public sealed record Recommend(Guid ListId, ReviewCase Candidate, string OrganisationName, ReviewCampaign Campaign, string By)
    : RecommendationCommand(ListId);

/// <summary>Recommend application <paramref name="ApplicationId"/>, deciding on its case's stream as it stands in the same write.</summary>
public sealed record RecommendCase(Guid ListId, Guid ApplicationId, string OrganisationName, ReviewCampaign Campaign, string By);

public sealed record RemoveRecommendation(Guid ListId, Guid ApplicationId, ReviewCampaign Campaign, string AuthorityCode, string By)
    : RecommendationCommand(ListId);

public sealed record ReorderRecommendations(Guid ListId, IReadOnlyList<Guid> Order, ReviewCampaign Campaign, string AuthorityCode, string By)
    : RecommendationCommand(ListId);

public static class RecommendationRules
{
    public static readonly Rule QuotaExceeded = Rule.Unprocessable("quota-exceeded",
        "超出推荐名额：该推荐单位此类别的推荐名额已满（见 detail）。", "Over the quota: this authority's quota for this category is full (see detail).");
    public static readonly Rule NotRecommendable = Rule.Conflict("not-recommendable",
        "只有通过初审且已上传盖章申报书的申报才能推荐。", "Only an application that passed initial review and whose stamped form is uploaded can be recommended.");
    public static readonly Rule AlreadyRecommended = Rule.Conflict("already-recommended", "该申报已在推荐名单中。", "The application is already on the list.");
    public static readonly Rule NotOnList = Rule.NotFound("not-on-list", "该申报不在推荐名单中。", "The application is not on the list.");
    public static readonly Rule OrderMismatch = Rule.Unprocessable("order-must-list-every-entry",
        "排序须恰好列出名单中的每一项。", "A new order must list every entry of the list exactly once.");
    public static readonly Rule DeadlinePassed = Rule.Unprocessable("recommendation-deadline-passed",
        "已过推荐截止时间（北京时间当日 24 时），且未获批准延期。", "The recommendation deadline has passed (end of day, China Standard Time) and no exception was granted.");
}

/// <summary>Decides what a ranked-list command means, given the list's state and the time.</summary>
public static class RecommendationDecider
{
    public static object[] Decide(RecommendationCommand command, RecommendationList? list, DateTimeOffset now)
    {
        var entries = list?.Entries ?? [];
        // The list's own stream says whether it is with the ministry: a change racing the package's submission
        // conflicts on this stream and is decided again, here.
        if (list is { Submitted: true }) throw new RuleViolation(Packages.PackageRules.Frozen);
        switch (command)
        {
            case Recommend c:
                var candidate = c.Candidate;
                if (c.Campaign.RecommendationsClosed(candidate.AuthorityCode, now)) throw new RuleViolation(RecommendationRules.DeadlinePassed);
                if (!candidate.Recommendable) throw new RuleViolation(RecommendationRules.NotRecommendable);
                if (entries.Any(x => x.ApplicationId == candidate.Id)) throw new RuleViolation(RecommendationRules.AlreadyRecommended);
                var kind = RecommendationList.KindOf(candidate.Category, candidate.Class);
                if (QuotaProblem(c.Campaign.QuotaFor(candidate.AuthorityCode), kind, candidate.Class, entries) is { } quota)
                    throw new RuleViolation(RecommendationRules.QuotaExceeded, $"{AuthorityName(candidate.AuthorityCode)}：{quota}");
                return [new ApplicationRecommended(c.ListId, candidate.CampaignId, candidate.AuthorityCode, kind, candidate.Id, candidate.Class,
                    c.OrganisationName, entries.Count + 1, c.By, now)];
            case RemoveRecommendation c:
                if (c.Campaign.RecommendationsClosed(c.AuthorityCode, now)) throw new RuleViolation(RecommendationRules.DeadlinePassed);
                if (entries.All(x => x.ApplicationId != c.ApplicationId)) throw new RuleViolation(RecommendationRules.NotOnList);
                return [new RecommendationRemoved(c.ListId, c.ApplicationId, c.By, now)];
            case ReorderRecommendations c:
                if (c.Campaign.RecommendationsClosed(c.AuthorityCode, now)) throw new RuleViolation(RecommendationRules.DeadlinePassed);
                if (c.Order.Count != entries.Count || c.Order.Distinct().Count() != c.Order.Count
                    || c.Order.Any(id => entries.All(x => x.ApplicationId != id)))
                    throw new RuleViolation(RecommendationRules.OrderMismatch);
                return [new RecommendationsReordered(c.ListId, c.Order, c.By, now)];
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown recommendation command.");
        }
    }

    /// <summary>
    /// Recommending reads two streams: the list it adds to and the candidate's case. The case is part of the write (it
    /// gets no event), so a case that changes meanwhile (withdrawn, reviewed again) makes the recommendation decide again.
    /// </summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(RecommendCase command, RecommendationList? list, ReviewCase? candidate, DateTimeOffset now) =>
        new Dictionary<Guid, object[]>
        {
            [command.ListId] = Decide(new Recommend(command.ListId, candidate ?? throw new RuleViolation(ReviewCaseRules.NotFound),
                command.OrganisationName, command.Campaign, command.By), list, now),
            [command.ApplicationId] = [],
        };

    /// <summary>What is full, named in Chinese and English, or null when there is room.</summary>
    static string? QuotaProblem(QuotaRow quota, RecommendationListKind kind, string? @class, IReadOnlyList<RecommendationEntry> entries)
    {
        string? Full(int limit, int used, string zh, string en) =>
            used < limit ? null : $"{zh}推荐名额为 {limit} 个，已推荐 {used} 个 / the quota for {en} is {limit}, {used} recommended";
        return kind switch
        {
            RecommendationListKind.Enterprises => Full(quota.Enterprises, entries.Count, "示范企业", "demonstration enterprises"),
            RecommendationListKind.SharedManufacturingPlatforms => Full(quota.SharedManufacturingPlatforms, entries.Count, "共享制造类示范平台", "shared-manufacturing platforms"),
            RecommendationListKind.OtherPlatforms => Full(quota.OtherPlatforms, entries.Count, "其他类示范平台", "other platforms"),
            // The class's own line first (the more telling message), then the cities' total.
            _ => (@class == "industrialDesign"
                    ? Full(quota.IndustrialDesignCities, entries.Count(e => e.Class == "industrialDesign"), "工业设计特色类示范城市", "industrial-design cities")
                    : Full(quota.ComprehensiveCities, entries.Count(e => e.Class != "industrialDesign"), "综合类示范城市", "comprehensive cities"))
                ?? Full(quota.CitiesInTotal, entries.Count, "示范城市（合计）", "cities in total"),
        };
    }

    static string AuthorityName(string code) => Authorities.Find(code) is { } a ? $"{a.NameZh} {a.NameEn}" : code;
}
