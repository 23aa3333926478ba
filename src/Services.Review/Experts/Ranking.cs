using ServiceManufacturing.ServiceDefaults.Documents;
using System.Globalization;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>One application on a category's ranked result.</summary>
/// <param name="Rank">名次（从 1 开始） / The rank (from 1).</param>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
/// <param name="AuthorityCode">推荐单位 / The recommending authority.</param>
/// <param name="Total">合议总分 / The agreed total.</param>
/// <param name="TieBreakScore">比较项（服务型制造模式项）得分 / The agreed score of the tie-break criterion.</param>
/// <param name="Passed">是否通过专家评审 / Whether it passed expert review.</param>
/// <param name="SubmittedAt">提交时间 / When it was submitted.</param>
/// <param name="TieBreakCriterion">比较项的评分项代码（评分表所定） / The code of the scoring sheet's tie-break criterion.</param>
/// <param name="PlacedBy">
/// 与上一名相比决定其名次的依据（第一名为 first） / What placed it below the one ranked before it (<c>first</c> for rank 1):
/// a lower total, a lower tie-break score, a later submission, or, all equal, the application id.
/// </param>
public sealed record RankedApplication(int Rank, Guid ApplicationId, string OrganisationName, string AuthorityCode, decimal Total,
    decimal TieBreakScore, bool Passed, DateTimeOffset SubmittedAt, string TieBreakCriterion, RankPlacement PlacedBy);

/// <summary>What placed a ranked application below the one before it, in the order the ranking rule compares.</summary>
public enum RankPlacement { First, Total, TieBreakCriterion, SubmittedAt, ApplicationId }

/// <summary>
/// The ranked result of a category: the applications whose consensus is recorded, by the higher agreed total, then the
/// higher agreed score of the sheet's tie-break criterion (the service-mode criterion; for cities, results), then the
/// earlier submission (then the application id, so that the order is total).
/// </summary>
public static class Ranking
{
    public const string TieBreakRule = "合议总分高者在前；相同时比较服务型制造模式项（城市为转型成效项）得分，高者在前；仍相同时提交早者在前。 / " +
        "Higher agreed total first; then the higher score of the service-mode criterion (cities: results); then the earlier submission.";

    public static IReadOnlyList<RankedApplication> Of(ScoringSheet sheet, IEnumerable<(ReviewCaseDetails Case, Consensus Consensus)> concluded)
    {
        var ordered = concluded
            .Select(x => (x.Case, x.Consensus, TieBreak: x.Consensus.Scores.FirstOrDefault(s => s.Criterion == sheet.TieBreakCriterion)?.Score ?? 0))
            .OrderByDescending(x => x.Consensus.Total).ThenByDescending(x => x.TieBreak).ThenBy(x => x.Case.SubmittedAt).ThenBy(x => x.Case.Id)
            .ToList();
        return [.. ordered.Select((x, i) => new RankedApplication(i + 1, x.Case.Id, x.Case.OrganisationName, x.Case.AuthorityCode,
            x.Consensus.Total, x.TieBreak, x.Consensus.Passed, x.Case.SubmittedAt, sheet.TieBreakCriterion,
            i == 0 ? RankPlacement.First
            : ordered[i - 1] is var before && before.Consensus.Total != x.Consensus.Total ? RankPlacement.Total
            : before.TieBreak != x.TieBreak ? RankPlacement.TieBreakCriterion
            : before.Case.SubmittedAt != x.Case.SubmittedAt ? RankPlacement.SubmittedAt
            : RankPlacement.ApplicationId))];
    }

    public static readonly string[] Headers = ["名次", "申报单位名称", "推荐单位", "合议总分", "比较项得分", "是否通过专家评审", "提交时间"];

    /// <summary>The ranked result as an XLSX sheet with Chinese headers (written as the summary table is).</summary>
    public static byte[] Table(string campaignName, ApplicationCategory category, IReadOnlyList<RankedApplication> ranked)
    {
        var rows = new List<string[]>
        {
            new[] { $"{campaignName}　{CategoryName(category)}专家评审结果（排序）" },
            new[] { $"排序规则：{TieBreakRule.Split(" / ")[0]}" },
            Headers,
        };
        rows.AddRange(ranked.Select(r => new[]
        {
            r.Rank.ToString(CultureInfo.InvariantCulture), r.OrganisationName, Authorities.Find(r.AuthorityCode)?.NameZh ?? r.AuthorityCode,
            r.Total.ToString("0.##", CultureInfo.InvariantCulture), r.TieBreakScore.ToString("0.##", CultureInfo.InvariantCulture),
            r.Passed ? "通过" : "未通过", r.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));
        return Spreadsheet.Write("专家评审结果", rows, [6, 34, 14, 10, 10, 14, 18], "A1:G1", "A2:G2");
    }

    static string CategoryName(ApplicationCategory category) => category switch
    {
        ApplicationCategory.Enterprise => "示范企业",
        ApplicationCategory.Platform => "示范平台",
        _ => "示范城市",
    };
}
