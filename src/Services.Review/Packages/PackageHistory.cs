using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>What the auditors' history says of each package event (one stream per campaign and authority).</summary>
static class PackageHistory
{
    public static EventHistory DescribePackages(this EventHistory history) => history
        .Describe<SummaryTableScanUploaded>(e => new($"{e.AuthorityCode} 上传盖章汇总表（SHA-256 {e.Sha256}）",
            $"{e.AuthorityCode} uploaded the stamped summary table (SHA-256 {e.Sha256})") { Authority = e.AuthorityCode })
        .Describe<PackageSubmitted>(e => new($"{e.AuthorityCode} 向工业和信息化部报送推荐材料（{e.Entries.Count} 项，内容哈希 {e.ContentHash}）",
            $"{e.AuthorityCode} sent its package to the ministry ({e.Entries.Count} entries, content hash {e.ContentHash})")
            { Applications = [.. e.Entries.Select(x => x.ApplicationId)], Authority = e.AuthorityCode })
        .Describe<PackageAcknowledged>(e => new($"工业和信息化部确认收到 {e.AuthorityCode} 的推荐材料", $"The ministry acknowledged {e.AuthorityCode}'s package")
            { Applications = [.. e.ApplicationIds], Authority = e.AuthorityCode })
        .Describe<PackageReturned>(e => new($"工业和信息化部退回 {e.AuthorityCode} 的推荐材料：{e.Reason}", $"The ministry returned {e.AuthorityCode}'s package: {e.Reason}")
            { Applications = [.. e.ApplicationIds ?? []], Authority = e.AuthorityCode })
        // A demonstration id is no application id: the explanation concerns its authority (and travels with its package).
        .Describe<EvaluationExplanationReceived>(e => new(
            $"收到 {e.Explanation.AuthorityCode} 关于第 {e.Explanation.Batch} 批示范 {e.Explanation.Name} 无法报送评估材料的情况说明（{StatusZh(e.Explanation.Status)}，自 {e.Explanation.StatusDate:yyyy-MM-dd}）：{e.Explanation.Reason}",
            $"Received {e.Explanation.AuthorityCode}'s explanation why batch {e.Explanation.Batch} demonstration {e.Explanation.Name} cannot file its evaluation material ({StatusEn(e.Explanation.Status)} since {e.Explanation.StatusDate:yyyy-MM-dd}): {e.Explanation.Reason}")
            { Authority = e.Explanation.AuthorityCode });

    static string StatusZh(BusinessStatus status) => status switch
    {
        BusinessStatus.Revoked => "吊销",
        BusinessStatus.Cancelled => "注销",
        BusinessStatus.Suspended => "停业",
        BusinessStatus.InLiquidation => "清算",
        _ => "其他无法报送的情形",
    };

    static string StatusEn(BusinessStatus status) => status switch
    {
        BusinessStatus.Revoked => "licence revoked",
        BusinessStatus.Cancelled => "deregistered",
        BusinessStatus.Suspended => "business suspended",
        BusinessStatus.InLiquidation => "in liquidation",
        _ => "otherwise unable to file",
    };
}
