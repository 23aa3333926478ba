using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>What the auditors' history says of each review-case event (one place; a test fails for an event with none).</summary>
static class ReviewCaseHistory
{
    public static EventHistory DescribeReviewCases(this EventHistory history) => history
        .Describe<ReviewCaseOpened>(e => new($"{e.OrganisationName} 的申报进入 {e.AuthorityCode} 初审",
            $"{e.OrganisationName}'s application arrived for initial review at {e.AuthorityCode}") { Applications = [e.ApplicationId], Authority = e.AuthorityCode })
        .Describe<ApplicationResubmitted>(e => new($"修改后重新提交（第 {e.Round} 轮）", $"Resubmitted after changes (round {e.Round})")
            { Applications = [e.ApplicationId] })
        .Describe<InitialReviewPassed>(e => new($"初审通过（第 {e.Round} 轮）：{e.Comment}", $"Initial review passed (round {e.Round}): {e.Comment}")
            { Applications = [e.ApplicationId] })
        .Describe<InitialReviewRejected>(e => new($"初审不通过（第 {e.Round} 轮）：{e.Reason}", $"Initial review rejected (round {e.Round}): {e.Reason}")
            { Applications = [e.ApplicationId] })
        .Describe<ReturnedForChanges>(e => new($"退回修改（第 {e.Round} 轮）：{e.Comments}", $"Returned for changes (round {e.Round}): {e.Comments}")
            { Applications = [e.ApplicationId] })
        .Describe<StampedFormReceived>(e => new($"收到盖章申报书（SHA-256 {e.Sha256}）", $"Stamped form received (SHA-256 {e.Sha256})")
            { Applications = [e.ApplicationId] })
        .Describe<ReviewCaseWithdrawn>(e => new("申报已撤回，初审终止", "Application withdrawn; initial review ended") { Applications = [e.ApplicationId] })
        .Describe<WithdrawalHeardBeforeSubmission>(e => new("撤回消息先于提交到达，已记下", "Withdrawal heard before the submission; kept")
            { Applications = [e.ApplicationId] })
        .Describe<StampedFormHeardBeforeSubmission>(e => new("盖章申报书消息先于提交到达，已记下", "Stamped form heard before the submission; kept")
            { Applications = [e.ApplicationId] })
        .Describe<ExpertReviewConcluded>(e => new($"专家评审结束：合议总分 {e.Score:0.##}，{(e.Passed ? "通过" : "未通过")}",
            $"Expert review concluded: consensus total {e.Score:0.##}, {(e.Passed ? "passed" : "not passed")}")
            { Applications = [e.ApplicationId], Authority = e.AuthorityCode });
}
