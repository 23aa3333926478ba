using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// What the auditors' history says of each expert-review event: assignments (the campaign's board), the experts'
/// declarations and scores and the consensus (per application), the campaign's settings and the experts' profiles.
/// </summary>
static class ExpertReviewHistory
{
    public static EventHistory DescribeExpertReview(this EventHistory history) => history
        .Describe<ExpertAssigned>(e => new(
            $"{(e.Automatic ? "自动分配" : "人工分配")}评审专家 {e.ExpertSubject}（{CategoryZh(e.Category)}），操作人 {e.AssignedBy}",
            $"Expert {e.ExpertSubject} assigned {(e.Automatic ? "automatically" : "by hand")} ({CategoryEn(e.Category)}), by {e.AssignedBy}")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<ExpertUnassigned>(e => new(
            $"评审专家 {e.ExpertSubject} 不再评审该申报（{UnassignedZh(e.Reason)}），操作人 {e.By}",
            $"Expert {e.ExpertSubject} no longer reviews the application ({UnassignedEn(e.Reason)}), by {e.By}")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<ExpertReviewOpened>(e => new($"{CategoryZh(e.Category)}申报进入专家评审", $"The application ({CategoryEn(e.Category)}) entered expert review")
            { Applications = [e.ApplicationId] })
        .Describe<NoConflictDeclared>(e => new($"评审专家 {e.ExpertSubject} 声明与该申报无利益冲突",
            $"Expert {e.ExpertSubject} declared no conflict of interest with the application")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<NoConflictDeclarationLapsed>(e => new($"评审专家 {e.ExpertSubject} 被移出，其无利益冲突声明随之失效（再次分配须重新声明）",
            $"Expert {e.ExpertSubject} was removed; his declaration of no conflict lapsed (a new assignment needs a new one)")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<ConflictDeclared>(e => new($"评审专家 {e.ExpertSubject} 声明存在利益冲突，退出评审：{e.Reason}",
            $"Expert {e.ExpertSubject} declared a conflict of interest and left the review: {e.Reason}")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<ExpertScoresSubmitted>(e => new($"评审专家 {e.ExpertSubject} 提交评分，总分 {e.Total:0.##}（{e.Scores.Count} 项指标）",
            $"Expert {e.ExpertSubject} submitted scores, total {e.Total:0.##} ({e.Scores.Count} criteria)")
            { Applications = [e.ApplicationId], Account = e.ExpertSubject })
        .Describe<ConsensusRecorded>(e => new(
            $"{e.RecordedBy} 记录专家合议结果：总分 {e.Total:0.##}，{(e.Passed ? "通过" : "未通过")}；意见：{e.Comments}",
            $"{e.RecordedBy} recorded the experts' consensus: total {e.Total:0.##}, {(e.Passed ? "passed" : "not passed")}; comments: {e.Comments}")
            { Applications = [e.ApplicationId] })
        .Describe<ExpertReviewSettingsChanged>(e => new(
            $"{e.ChangedBy} 修改专家评审设置：每项申报至少 {e.ExpertsPerApplication} 名专家，每名专家至多 {e.MaxLoadPerExpert} 项，分差阈值 {e.SpreadThreshold:0.##} 分，评分表 {e.Sheets.Count} 张",
            $"{e.ChangedBy} changed the expert-review settings: at least {e.ExpertsPerApplication} experts per application, at most {e.MaxLoadPerExpert} applications per expert, spread threshold {e.SpreadThreshold:0.##} points, {e.Sheets.Count} scoring sheets"))
        .Describe<ExpertProfileNoted>(e => new(
            $"记录评审专家 {e.Name}（{e.Organisation}）的资料：{(e.Active ? "在库" : "已停用")}，可参加考查 {e.AvailableDates.Count} 天",
            $"Expert profile noted: {e.Name} ({e.Organisation}), {(e.Active ? "active" : "inactive")}, available on {e.AvailableDates.Count} days")
            { Account = e.ExpertSubject, Authority = e.AuthorityCode });

    static string CategoryZh(ApplicationCategory category) => category switch
    {
        ApplicationCategory.Enterprise => "示范企业",
        ApplicationCategory.Platform => "示范平台",
        _ => "示范城市",
    };

    static string CategoryEn(ApplicationCategory category) => category switch
    {
        ApplicationCategory.Enterprise => "demonstration enterprise",
        ApplicationCategory.Platform => "demonstration platform",
        _ => "demonstration city",
    };

    static string UnassignedZh(string reason) => reason switch
    {
        "removed" => "被移出",
        "declared-conflict" => "声明利益冲突",
        _ => reason,
    };

    static string UnassignedEn(string reason) => reason switch
    {
        "removed" => "removed",
        "declared-conflict" => "declared a conflict of interest",
        _ => reason,
    };
}
