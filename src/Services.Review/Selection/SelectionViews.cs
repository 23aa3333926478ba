using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>发布公示 / Publishing the notice.</summary>
/// <param name="CampaignId">批次（必填） / The campaign (required).</param>
/// <param name="Starts">公示开始日期（必填） / The first day of the notice (required).</param>
/// <param name="Ends">公示截止日期（必填，北京时间当日结束） / The last day (required; to the end of that day, China Standard Time).</param>
public sealed record PublishNoticeRequest(Guid? CampaignId, DateOnly? Starts, DateOnly? Ends);

/// <summary>公示名单中的一项（公开） / One candidate on the public notice (public).</summary>
/// <param name="ApplicationId">申报编号（提出异议时使用） / The application (to object to).</param>
/// <param name="OrganisationName">单位（城市）名称 / The organisation or city.</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Class">平台或城市类别 / The platform or city class.</param>
/// <param name="ServiceMode">服务型制造模式 / The service mode.</param>
/// <param name="AuthorityName">推荐单位 / The recommending authority.</param>
public sealed record NoticeEntry(Guid ApplicationId, string OrganisationName, ApplicationCategory Category,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] string? Class,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.ServiceModes))] string? ServiceMode, string AuthorityName);

/// <summary>网上公示（无需登录即可查看） / The public notice, readable without signing in.</summary>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="CampaignName">批次名称 / The campaign's name.</param>
/// <param name="Starts">公示开始日期 / The first day.</param>
/// <param name="Ends">公示截止日期（北京时间当日结束；此后不再受理异议） / The last day (to its end, China Standard Time; no objection after it).</param>
/// <param name="Candidates">公示名单 / The candidates.</param>
public sealed record PublicNoticeView(Guid CampaignId, string CampaignName, DateOnly Starts, DateOnly Ends, IReadOnlyList<NoticeEntry> Candidates);

/// <summary>实名异议 / An objection, under the objector's real name.</summary>
/// <param name="ContactName">异议人真实姓名（必填） / The objector's real name (required).</param>
/// <param name="ContactPhone">联系电话（必填） / A telephone number (required).</param>
/// <param name="Grounds">异议内容及理由（必填） / What is objected, and why (required).</param>
public sealed record ObjectionRequest(string? ContactName, string? ContactPhone, string? Grounds);

/// <summary>异议回执 / The receipt of an objection.</summary>
/// <param name="ObjectionId">异议编号 / The objection's id.</param>
/// <param name="ApplicationId">所异议的申报 / The candidate objected to.</param>
public sealed record ObjectionReceipt(Guid ObjectionId, Guid ApplicationId);

/// <summary>异议处理结果 / An objection's outcome.</summary>
/// <param name="Outcome">处理结果（必填） / The written outcome (required).</param>
public sealed record ObjectionResolutionRequest(string? Outcome);

/// <summary>遴选决定 / The ministry's decision on a candidate.</summary>
/// <param name="Decision">决定（必填）：select 或 decline / Select or decline (required).</param>
/// <param name="Reason">说明；不予入选时必填 / A comment; required to decline.</param>
public sealed record SelectionDecisionRequest(SelectionDecision? Decision, string? Reason);

/// <summary>一个申报的评审全程：专家分配、评分、合议、现场考查与遴选决定 / An application's assignments, scores, consensus, visit and decision.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="ExpertReviewPassed">是否通过专家评审（未合议为 null） / Whether it passed expert review (null until the consensus).</param>
/// <param name="ExpertReview">专家分配、评分与合议（同 expert-review/applications/{id}，按同一访问规则；无则为 null） / Its experts, scores and consensus (as expert-review/applications/{id} shows them, by the same access policy; null if none).</param>
/// <param name="Visit">现场考查（无则为 null） / Its site visit (null if none).</param>
/// <param name="Candidacy">公示与遴选决定（未公示为 null） / Its notice, objections and decision (null if not on the notice).</param>
public sealed record SelectionCase(Guid ApplicationId, bool? ExpertReviewPassed, Experts.ExpertReviewDetails? ExpertReview, SiteVisit? Visit, Candidacy? Candidacy);

/// <summary>一个类别的考查与遴选进度 / Where one category stands in visits and selection.</summary>
/// <param name="Category">类别 / The category.</param>
/// <param name="PassedExpertReview">通过专家评审 / Passed expert review.</param>
/// <param name="VisitsDue">需现场考查 / Visits due (cities, marked ones).</param>
/// <param name="VisitsScheduled">已安排考查 / Visits scheduled.</param>
/// <param name="Visited">已提交考查报告 / Visited (report filed).</param>
/// <param name="OnNotice">已公示 / On the public notice.</param>
/// <param name="OpenObjections">未处理异议 / Objections not yet resolved.</param>
/// <param name="Selected">入选 / Selected.</param>
/// <param name="Declined">未入选 / Declined.</param>
/// <param name="Decided">已作出决定 / Decided (selected or declined).</param>
public sealed record SelectionProgress(ApplicationCategory Category, int PassedExpertReview, int VisitsDue, int VisitsScheduled, int Visited,
    int OnNotice, int OpenObjections, int Selected, int Declined, int Decided);
