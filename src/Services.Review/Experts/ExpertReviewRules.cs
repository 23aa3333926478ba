using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.Experts;

public static class ExpertReviewRules
{
    public static readonly Rule ApplicationNotFound = Rule.NotFound("expert-review-application-not-found",
        "该申报不在专家评审中（或您无权查看）。", "This application is not in expert review (or not yours to see).");
    public static readonly Rule ExpertNotFound = Rule.NotFound("expert-not-found",
        "评审专家不存在（或其信息尚未同步到本服务）。", "There is no such expert (or his profile has not reached Review yet).");
    public static readonly Rule ExpertInactive = Rule.Conflict("expert-inactive",
        "该专家已停用，不能分配。", "This expert is inactive and cannot be assigned.");
    public static readonly Rule Conflicted = Rule.Conflict("expert-conflict-of-interest",
        "该专家与申报单位存在利益冲突（同一单位、同一地区或关联单位，或已声明回避），不能分配。",
        "This expert has a conflict of interest with the applicant (same organisation, same province, a related party, or declared) and cannot be assigned.");
    public static readonly Rule OverLoad = Rule.Conflict("expert-load-exceeded",
        "该专家已达到本批次的评审数量上限。", "This expert already reviews as many applications of the campaign as allowed.");
    public static readonly Rule AlreadyAssigned = Rule.Conflict("expert-already-assigned",
        "该专家已分配到该申报。", "This expert is already assigned to this application.");
    public static readonly Rule NotAssigned = Rule.NotFound("expert-not-assigned",
        "该专家未分配到该申报。", "This expert is not assigned to this application.");
    public static readonly Rule AlreadyDeclared = Rule.Conflict("conflict-of-interest-already-declared",
        "已就该申报作出利益冲突声明。", "The expert has already declared on this application.");
    public static readonly Rule ConflictReasonRequired = Rule.Unprocessable("conflict-of-interest-reason-required",
        "声明存在利益冲突时须说明情况。", "A declared conflict of interest needs its reason.");
    public static readonly Rule DeclarationRequired = Rule.Conflict("conflict-of-interest-declaration-required",
        "阅看和评分前须先声明无利益冲突。", "The expert must declare no conflict of interest before reading and scoring.");
    public static readonly Rule ScoresAlreadySubmitted = Rule.Conflict("expert-scores-already-submitted",
        "该专家已提交评分，不能修改。", "This expert has already submitted his scores; they do not change.");
    public static readonly Rule ScoresInvalid = Rule.Unprocessable("expert-scores-invalid",
        "评分须覆盖评分表的每一项，且在 0 至该项满分之间。", "Scores must cover every criterion of the sheet, each from 0 to its maximum.");
    public static readonly Rule OwnScoresFirst = new("expert-own-scores-first", 403,
        "提交本人评分之前不能查看其他专家的评分。", "An expert sees the others' scores only after submitting his own.");
    public static readonly Rule ScoredExpertStays = Rule.Conflict("scored-expert-stays",
        "该专家已提交评分，不能撤销分配。", "This expert has submitted his scores; his assignment stays.");
    public static readonly Rule ConsensusNeedsEveryScore = Rule.Conflict("consensus-needs-every-score",
        "须在每位分配的专家提交评分后合议（且至少达到本批次规定的专家人数）。",
        "The consensus comes after every assigned expert has scored (and at least the campaign's number of experts).");
    public static readonly Rule CommentsRequired = Rule.Unprocessable("consensus-comments-required",
        "合议须填写意见。", "A consensus needs its comments.");
    public static readonly Rule SheetFrozen = Rule.Conflict("scoring-sheet-frozen",
        "该类别已有专家提交评分，其评分表不能再修改。", "An expert has scored in this category: its scoring sheet no longer changes.");
    public static readonly Rule LoadBelowCarried = Rule.Conflict("load-limit-below-carried-load",
        "评审上限不能低于专家已分配的评审数。", "The load limit cannot go below the load an expert already carries.");
    public static readonly Rule Concluded = Rule.Conflict("expert-review-concluded",
        "该申报的专家评审已合议完毕。", "The expert review of this application has been concluded.");
}
