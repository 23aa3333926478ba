using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Registration.Roster;

/// <summary>What the auditors' history says of each roster event.</summary>
static class EarlierDemonstrationHistory
{
    public static EventHistory DescribeRoster(this EventHistory history) => history
        .Describe<EarlierDemonstrationRecorded>(e => new($"记录往批示范：{e.Name}（第 {e.Batch} 批）", $"Earlier demonstration recorded: {e.Name} (batch {e.Batch})")
            { Authority = e.AuthorityCode })
        .Describe<EarlierDemonstrationTitleRevoked>(e => new($"往批示范称号被撤销，不再计为示范：{e.Reasons}",
            $"Earlier demonstration's title revoked; it no longer counts as a demonstration: {e.Reasons}"))
        .Describe<EarlierDemonstrationWithdrawn>(e => new($"往批示范名单条目作为误录撤回，不再计为示范：{e.Reason}",
            $"Earlier demonstration's roster entry withdrawn as made in error; it no longer counts as a demonstration: {e.Reason}"));
}
