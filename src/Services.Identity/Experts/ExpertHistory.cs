using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>What the auditors' history says of each expert-profile event (one stream per expert account).</summary>
static class ExpertHistory
{
    public static EventHistory DescribeExperts(this EventHistory history) => history
        .Describe<ExpertProfileRecorded>(e => new(
            $"{e.ChangedBy} 记录评审专家 {e.Name}（{e.Organisation}）的资料：{(e.Active ? "在库" : "已停用")}，可参加考查 {e.AvailableDates.Count} 天",
            $"{e.ChangedBy} recorded the profile of expert {e.Name} ({e.Organisation}): {(e.Active ? "active" : "inactive")}, available on {e.AvailableDates.Count} days")
            { Account = e.AccountId.ToString(), Authority = e.AuthorityCode });
}
