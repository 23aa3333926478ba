using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.Filings;

/// <summary>
/// What the auditors' history says of each filing event (one stream per campaign and demonstration). A demonstration id is
/// no application id: a filing concerns its authority, and is about its demonstration's stream, so that it is in the
/// history of the application the demonstration was selected from (if it was).
/// </summary>
static class FilingHistory
{
    public static EventHistory DescribeFilings(this EventHistory history) => history
        .Describe<FilingDraftSaved>(e => new($"{e.SavedBy} 保存评估材料草稿（{e.AuthorityCode}，{e.Material.Years.Count} 个年度的数据）",
            $"{e.SavedBy} saved a draft of the evaluation material ({e.AuthorityCode}, figures for {e.Material.Years.Count} years)")
            { Authority = e.AuthorityCode, AboutStream = e.DemonstrationId })
        .Describe<FilingDocumentAttached>(e => new($"{e.AttachedBy} 上传评估证明材料（{e.Document.ContentType}，{e.Document.Length} 字节，SHA-256 {e.Document.Sha256}）",
            $"{e.AttachedBy} attached a supporting document ({e.Document.ContentType}, {e.Document.Length} bytes, SHA-256 {e.Document.Sha256})")
            { Authority = e.AuthorityCode, AboutStream = e.DemonstrationId })
        .Describe<FilingSubmitted>(e => new($"{e.SubmittedBy} 提交评估材料（{e.AuthorityCode}，附件 {e.Documents.Count} 份，内容哈希 {e.ContentHash}）",
            $"{e.SubmittedBy} submitted the evaluation material ({e.AuthorityCode}, {e.Documents.Count} documents, content hash {e.ContentHash})")
            { Authority = e.AuthorityCode, AboutStream = e.DemonstrationId })
        .Describe<FilingAcknowledged>(e => new($"{e.AcknowledgedBy} 确认收到评估材料", $"{e.AcknowledgedBy} acknowledged the evaluation material"))
        .Describe<FilingReturned>(e => new($"{e.ReturnedBy} 退回评估材料：{e.Comments}", $"{e.ReturnedBy} returned the evaluation material: {e.Comments}"))
        .Describe<CannotFileExplained>(e => new(
            $"{e.FiledBy} 说明第 {e.Batch} 批示范 {e.Name}（{e.AuthorityCode}）无法报送评估材料（{StatusZh(e.Status)}，自 {e.StatusDate:yyyy-MM-dd}）：{e.Reason}",
            $"{e.FiledBy} explained why batch {e.Batch} demonstration {e.Name} ({e.AuthorityCode}) cannot file its evaluation material ({StatusEn(e.Status)} since {e.StatusDate:yyyy-MM-dd}): {e.Reason}")
            { Authority = e.AuthorityCode, AboutStream = e.DemonstrationId });

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
