using System.Globalization;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.Recommendations;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// The ministry's progress per category across the whole of its review: assigned, declared, scored, in consensus (expert
/// review), visited, on the notice and decided; as JSON and as an XLSX sheet with Chinese headers.
/// </summary>
public static class CampaignProgress
{
    /// <summary>Visits, the notice and the decisions: from the applications that passed expert review.</summary>
    public static async Task<IReadOnlyList<SelectionProgress>> SelectionAsync(IQuerySession session, Guid campaignId, CancellationToken ct)
    {
        var passed = await session.Query<ExpertReviewVerdict>().Where(v => v.CampaignId == campaignId && v.Passed).ToListAsync(ct);
        var visits = (await session.Query<SiteVisit>().Where(v => v.CampaignId == campaignId).ToListAsync(ct)).ToDictionary(v => v.ApplicationId);
        var candidates = await session.Query<Candidacy>().Where(c => c.CampaignId == campaignId).ToListAsync(ct);
        return [.. Enum.GetValues<ApplicationCategory>().Select(category =>
        {
            var inCategory = passed.Where(v => v.Category == category).ToList();
            var due = inCategory.Select(v => visits.GetValueOrDefault(v.Id)).Where(visit => SiteVisit.Required(category, visit)).ToList();
            var listed = candidates.Where(c => c.Category == category).ToList();
            var (selected, declined) = (listed.Count(c => c.Status == CandidateStatus.Selected), listed.Count(c => c.Status == CandidateStatus.Declined));
            return new SelectionProgress(category, inCategory.Count, due.Count, due.Count(v => v is { Scheduled: true }), due.Count(v => v?.Report is not null),
                listed.Count, listed.Sum(c => c.Objections.Count(o => o.Outcome is null)), selected, declined, selected + declined);
        })];
    }

    public static readonly string[] Headers =
    [
        "类别", "部里已接收", "专家已足额分配", "专家均已声明无利益冲突", "专家均已评分", "已合议", "通过专家评审",
        "需现场考查", "已安排考查", "已提交考查报告", "已公示", "未处理异议", "入选", "未入选", "已作出决定",
    ];

    /// <summary>One row per category, written as the summary table and the ranked result are.</summary>
    public static byte[] Table(ReviewCampaign campaign, IReadOnlyList<CategoryProgress> experts, IReadOnlyList<SelectionProgress> selection)
    {
        var rows = new List<string[]> { new[] { $"{campaign.Name}　各类别评审与遴选进度" }, Headers };
        foreach (var category in Enum.GetValues<ApplicationCategory>())
        {
            var e = experts.Single(p => p.Category == category);
            var s = selection.Single(p => p.Category == category);
            rows.Add([SummaryTable.Category(category), .. new[]
            {
                e.Applications, e.Assigned, e.Declared, e.Scored, e.InConsensus, s.PassedExpertReview, s.VisitsDue, s.VisitsScheduled, s.Visited,
                s.OnNotice, s.OpenObjections, s.Selected, s.Declined, s.Decided,
            }.Select(n => n.ToString(CultureInfo.InvariantCulture))]);
        }
        return Spreadsheet.Write("评审进度", rows, [12, .. Enumerable.Repeat(12, Headers.Length - 1)], "A1:O1");
    }
}
