using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>What the auditors' history says of each campaign event.</summary>
static class CampaignHistory
{
    public static EventHistory DescribeCampaigns(this EventHistory history) => history
        .Describe<CampaignOpened>(e => new($"开启遴选批次：{e.Name}（{e.Year} 年第 {e.Batch} 批）", $"Campaign opened: {e.Name} ({e.Year}, batch {e.Batch})"))
        .Describe<CampaignClosed>(_ => new("遴选批次关闭", "Campaign closed"))
        .Describe<DeadlineExceptionGranted>(e => new($"为 {e.AuthorityCode} 延长 {e.Deadline} 至 {e.Until}：{e.Reason}",
            $"{e.Deadline} extended for {e.AuthorityCode} until {e.Until}: {e.Reason}") { Authority = e.AuthorityCode });
}
