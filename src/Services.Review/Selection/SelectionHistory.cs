using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// What the auditors' history says of each selection event: the public notice (the campaign's stream, naming the
/// applications on it), the candidates, the objections, the ministry's decisions and the final list.
/// </summary>
static class SelectionHistory
{
    public static EventHistory DescribeSelection(this EventHistory history) => history
        .Describe<PublicNoticePublished>(e => new(
            $"{e.PublishedBy} 发布候选名单公示（{e.ApplicationIds.Count} 项），公示期 {e.Starts:yyyy-MM-dd} 至 {e.Ends:yyyy-MM-dd}",
            $"{e.PublishedBy} published the candidate list for public notice ({e.ApplicationIds.Count} applications), {e.Starts:yyyy-MM-dd} to {e.Ends:yyyy-MM-dd}")
            { Applications = [.. e.ApplicationIds] })
        .Describe<CandidateListed>(e => new($"{e.OrganisationName}（{e.AuthorityCode} 推荐）列入公示候选名单",
            $"{e.OrganisationName} (recommended by {e.AuthorityCode}) put on the public notice's candidate list")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<LeftOffPublicNotice>(e => new("未通过专家评审，未列入公示名单，不予入选", "Did not pass expert review: left off the public notice, not selected")
            { Applications = [e.ApplicationId] })
        .Describe<ObjectionFiled>(e => new($"{e.ContactName} 对候选申报提出实名异议：{e.Grounds}",
            $"{e.ContactName} objected to the candidate under their real name: {e.Grounds}")
            { Applications = [e.ApplicationId] })
        .Describe<ObjectionResolved>(e => new($"{e.ResolvedBy} 处理异议：{e.Outcome}", $"{e.ResolvedBy} resolved the objection: {e.Outcome}")
            { Applications = [e.ApplicationId] })
        .Describe<CandidateSelected>(e => new(
            e.Comment is { Length: > 0 } c ? $"公示期满，{e.DecidedBy} 确定入选示范：{c}" : $"公示期满，{e.DecidedBy} 确定入选示范",
            e.Comment is { Length: > 0 } d ? $"After the notice period {e.DecidedBy} selected the candidate as a demonstration: {d}"
                : $"After the notice period {e.DecidedBy} selected the candidate as a demonstration")
            { Applications = [e.ApplicationId] })
        .Describe<CandidateDeclined>(e => new($"公示期满，{e.DecidedBy} 决定不予入选：{e.Reason}",
            $"After the notice period {e.DecidedBy} declined the candidate: {e.Reason}")
            { Applications = [e.ApplicationId] })
        .Describe<DemonstrationAddedToFinalList>(e => new($"{e.OrganisationName}（{e.AuthorityCode} 推荐）列入 {e.Year} 年第 {e.Batch} 批最终名单",
            $"{e.OrganisationName} (recommended by {e.AuthorityCode}) added to the final list of batch {e.Batch} ({e.Year})")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode });
}
