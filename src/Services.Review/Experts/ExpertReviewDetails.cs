using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>An assigned expert, as the application's view shows him.</summary>
/// <param name="ExpertSubject">专家账号 / The expert's account.</param>
/// <param name="Name">专家姓名 / The expert's name.</param>
/// <param name="Automatic">是否自动分配 / Whether the automatic assignment chose him.</param>
/// <param name="DeclaredNoConflict">是否已声明无利益冲突 / Whether he declared no conflict of interest.</param>
/// <param name="Scored">是否已提交评分 / Whether he submitted his scores.</param>
public sealed record AssignedExpert(string ExpertSubject, string Name, bool Automatic, bool DeclaredNoConflict, bool Scored);

/// <summary>One application's expert review: its experts, the scores the reader may see, their spread, and the consensus.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
/// <param name="Experts">分配的专家 / The experts assigned.</param>
/// <param name="DeclaredConflicts">声明回避的专家数 / How many experts declared a conflict.</param>
/// <param name="Scores">读者可见的评分（专家提交本人评分前只见本人的） / The scores the reader may see (an expert sees only his own until he has submitted).</param>
/// <param name="ScoreSpread">专家总分极差（仅在可见全部评分时给出） / The spread of the experts' totals (only to those who see every score).</param>
/// <param name="SpreadFlagged">极差是否超过本批次阈值 / Whether the spread is above the campaign's threshold.</param>
/// <param name="Consensus">合议结果 / The consensus.</param>
public sealed record ExpertReviewDetails(
    Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName, IReadOnlyList<AssignedExpert> Experts,
    int DeclaredConflicts, IReadOnlyList<ExpertScores> Scores, decimal? ScoreSpread, bool SpreadFlagged, Consensus? Consensus)
{
    public static ExpertReviewDetails For(ApplicationSight sight, ExpertReviewSettings settings, IReadOnlyDictionary<string, ExpertProfile> experts)
    {
        var panel = sight.Panel!;
        var allScores = sight.MaySeeOthersScores;
        var scores = allScores ? panel.Scores : [.. panel.Scores.Where(s => s.ExpertSubject == sight.User.Subject)];
        decimal? spread = allScores && panel.Scores.Count > 0 ? panel.Scores.Max(s => s.Total) - panel.Scores.Min(s => s.Total) : null;
        return new(panel.Id, panel.CampaignId, panel.Category, sight.Case!.OrganisationName,
            [.. panel.Members.Select(m => new AssignedExpert(m.ExpertSubject, experts.GetValueOrDefault(m.ExpertSubject)?.Name ?? "",
                m.Automatic, m.DeclaredNoConflict, m.ScoredAt is not null))],
            panel.DeclaredConflicts.Count, scores, spread, spread > settings.SpreadThreshold, panel.Consensus);
    }
}

/// <summary>An application assigned to the signed-in expert: enough to declare a conflict, nothing more until he has.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
/// <param name="CreditCode">统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">推荐单位 / The recommending authority.</param>
/// <param name="RelatedParties">申报单位填报的关联单位 / The related parties the applicant listed.</param>
/// <param name="DeclaredNoConflict">是否已声明无利益冲突 / Whether he declared no conflict.</param>
/// <param name="Scored">是否已提交评分 / Whether he submitted his scores.</param>
public sealed record ExpertAssignment(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string OrganisationName,
    string CreditCode, string AuthorityCode, IReadOnlyList<string> RelatedParties, bool DeclaredNoConflict, bool Scored);

/// <summary>What the automatic assignment of a category did.</summary>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="Applications">参与分配的申报数 / How many applications were considered.</param>
/// <param name="AssignmentsMade">新增分配数 / How many assignments were made.</param>
/// <param name="Uncovered">未能分配足够专家的申报 / The applications that could not get enough experts.</param>
public sealed record AutomaticAssignmentReport(Guid CampaignId, ApplicationCategory Category, int Applications, int AssignmentsMade,
    IReadOnlyList<UncoveredApplication> Uncovered);

/// <summary>A category's progress in expert review.</summary>
/// <param name="Category">申报类别 / The category.</param>
/// <param name="Applications">部里已接收的申报数 / Applications in the ministry's hands.</param>
/// <param name="Assigned">专家分配已足额的申报数 / Applications with enough experts.</param>
/// <param name="Declared">分配的专家均已声明的申报数 / Applications whose experts have all declared.</param>
/// <param name="Scored">分配的专家均已评分的申报数 / Applications every assigned expert has scored.</param>
/// <param name="InConsensus">已合议的申报数 / Applications whose consensus is recorded.</param>
public sealed record CategoryProgress(ApplicationCategory Category, int Applications, int Assigned, int Declared, int Scored, int InConsensus);

/// <summary>A signed, short-lived link to a document of the application, served by Registration to the user it was issued to alone.</summary>
/// <param name="Url">链接（经网关访问） / The link (through the gateway).</param>
/// <param name="ExpiresAt">失效时间 / When it expires.</param>
public sealed record DocumentLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>A request for a document link.</summary>
/// <param name="Document">文件：form（申报书）或 stamped-form（盖章扫描件） / The document: form or stamped-form.</param>
public sealed record DocumentLinkRequest([property: OneOf("form", "stamped-form")] string? Document);

/// <summary>An expert's declaration before opening the application.</summary>
/// <param name="HasConflict">是否存在利益冲突（必填） / Whether he has a conflict of interest (required).</param>
/// <param name="Reason">存在冲突时说明情况（不超过 1000 字） / The conflict, when there is one (at most 1000 characters).</param>
public sealed record DeclarationRequest(bool? HasConflict, string? Reason);

/// <summary>Scores: an expert's own, or the consensus.</summary>
/// <param name="Scores">各项得分（每项一次） / A score per criterion (each once).</param>
/// <param name="Comment">意见（合议时必填，不超过 2000 字） / Comments (required for the consensus; at most 2000 characters).</param>
public sealed record ScoresRequest(IReadOnlyList<CriterionScore>? Scores, string? Comment);

/// <summary>An officer's assignment by hand.</summary>
/// <param name="ExpertSubject">专家账号（必填） / The expert's account (required).</param>
public sealed record AssignmentRequest(string? ExpertSubject);

/// <summary>A campaign's expert-review settings.</summary>
/// <param name="ExpertsPerApplication">每份申报至少分配的专家数（3 至 15） / Experts per application, at least (3 to 15).</param>
/// <param name="MaxLoadPerExpert">每位专家至多评审的申报数 / Applications per expert, at most.</param>
/// <param name="SpreadThreshold">专家总分极差标记阈值 / The spread of totals above which scores are flagged.</param>
/// <param name="Sheets">各类别评分表（省略的类别用默认表） / The scoring sheets (a category left out keeps the default sheet).</param>
public sealed record ExpertReviewSettingsRequest(int? ExpertsPerApplication, int? MaxLoadPerExpert, decimal? SpreadThreshold, IReadOnlyList<ScoringSheet>? Sheets);
