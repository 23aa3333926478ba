using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.Campaigns;

/// <summary>What the auditors' history says of each campaign event in Evaluation.</summary>
static class EvaluationCampaignHistory
{
    public static EventHistory DescribeEvaluationCampaigns(this EventHistory history) => history
        .Describe<CampaignNoted>(e => new($"记录评估批次：{e.Name}（{e.Year} 年第 {e.Batch} 批），评估材料截止 {e.EvaluationMaterialDeadline:yyyy-MM-dd}",
            $"Campaign noted: {e.Name} ({e.Year}, batch {e.Batch}), evaluation material due {e.EvaluationMaterialDeadline:yyyy-MM-dd}"))
        .Describe<EvaluationDeadlineExtended>(e => new($"{e.AuthorityCode} 评估材料截止延至 {e.Until:yyyy-MM-dd}：{e.Reason}",
            $"{e.AuthorityCode}'s evaluation material deadline extended to {e.Until:yyyy-MM-dd}: {e.Reason}") { Authority = e.AuthorityCode });
}
