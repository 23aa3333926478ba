using Marten.Events.Projections;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>An expert assigned to an application, and how far he has come.</summary>
/// <param name="ExpertSubject">专家账号 / The expert's account.</param>
/// <param name="Automatic">是否自动分配 / Whether the automatic assignment chose him.</param>
/// <param name="AssignedAt">分配时间 / When he was assigned.</param>
/// <param name="DeclaredNoConflict">是否已声明无利益冲突 / Whether he declared no conflict of interest.</param>
/// <param name="ScoredAt">提交评分的时间 / When he submitted his scores.</param>
public sealed record PanelMember(string ExpertSubject, bool Automatic, DateTimeOffset AssignedAt, bool DeclaredNoConflict, DateTimeOffset? ScoredAt);

/// <summary>One expert's submitted scores.</summary>
/// <param name="ExpertSubject">专家账号 / The expert's account.</param>
/// <param name="Scores">各项得分 / The score per criterion.</param>
/// <param name="Total">加权总分（满分 100） / The weighted total (out of 100).</param>
/// <param name="Comment">评审意见 / His comment.</param>
/// <param name="SubmittedAt">提交时间 / When he submitted them.</param>
public sealed record ExpertScores(string ExpertSubject, IReadOnlyList<CriterionScore> Scores, decimal Total, string? Comment, DateTimeOffset SubmittedAt);

/// <summary>The experts' consensus (合议).</summary>
/// <param name="Scores">合议的各项得分 / The agreed score per criterion.</param>
/// <param name="Total">合议总分 / The agreed total.</param>
/// <param name="Passed">是否通过专家评审 / Whether the application passed expert review.</param>
/// <param name="Comments">合议意见 / The comments.</param>
/// <param name="RecordedBy">记录人 / Who recorded it.</param>
/// <param name="RecordedAt">记录时间 / When.</param>
public sealed record Consensus(IReadOnlyList<CriterionScore> Scores, decimal Total, bool Passed, string Comments, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// One application's expert review as stored for reading: its panel, the declared conflicts, the scores and the consensus
/// (the API shows each reader what he may see of it).
/// </summary>
public sealed record ExpertPanelView(
    Guid Id, Guid CampaignId, ApplicationCategory Category, IReadOnlyList<PanelMember> Members, IReadOnlyList<string> DeclaredConflicts,
    IReadOnlyList<ExpertScores> Scores, Consensus? Consensus)
{
    public PanelMember? Member(string subject) => Members.FirstOrDefault(m => m.ExpertSubject == subject);

    public bool HasScored(string subject) => Scores.Any(s => s.ExpertSubject == subject);
}

/// <summary>Keeps <see cref="ExpertPanelView"/> (one per application) in step with the board's and the panels' streams.</summary>
public sealed class ExpertPanelViewProjection : MultiStreamProjection<ExpertPanelView, Guid>
{
    public ExpertPanelViewProjection()
    {
        Identity<ExpertAssigned>(e => e.ApplicationId);
        Identity<ExpertUnassigned>(e => e.ApplicationId);
        Identity<ExpertReviewOpened>(e => e.ApplicationId);
        Identity<NoConflictDeclared>(e => e.ApplicationId);
        Identity<ConflictDeclared>(e => e.ApplicationId);
        Identity<NoConflictDeclarationLapsed>(e => e.ApplicationId);
        Identity<ExpertScoresSubmitted>(e => e.ApplicationId);
        Identity<ConsensusRecorded>(e => e.ApplicationId);
    }

    public static ExpertPanelView Create(ExpertReviewOpened e) => new(e.ApplicationId, e.CampaignId, e.Category, [], [], [], null);

    public static ExpertPanelView Create(ExpertAssigned e) => Apply(e, new(e.ApplicationId, e.CampaignId, e.Category, [], [], [], null));

    public static ExpertPanelView Apply(ExpertReviewOpened e, ExpertPanelView v) => v;

    public static ExpertPanelView Apply(ExpertAssigned e, ExpertPanelView v) => v with
    {
        Members = [.. v.Members.Where(m => m.ExpertSubject != e.ExpertSubject), new PanelMember(e.ExpertSubject, e.Automatic, e.At, false, null)],
    };

    public static ExpertPanelView Apply(ExpertUnassigned e, ExpertPanelView v) =>
        v with { Members = [.. v.Members.Where(m => m.ExpertSubject != e.ExpertSubject)] };

    public static ExpertPanelView Apply(NoConflictDeclared e, ExpertPanelView v) =>
        v with { Members = [.. v.Members.Select(m => m.ExpertSubject == e.ExpertSubject ? m with { DeclaredNoConflict = true } : m)] };

    /// <summary>A removed expert's declaration lapses (he is no member any more; a re-assignment adds him undeclared).</summary>
    public static ExpertPanelView Apply(NoConflictDeclarationLapsed e, ExpertPanelView v) =>
        v with { Members = [.. v.Members.Select(m => m.ExpertSubject == e.ExpertSubject ? m with { DeclaredNoConflict = false } : m)] };

    public static ExpertPanelView Apply(ConflictDeclared e, ExpertPanelView v) =>
        v with { DeclaredConflicts = [.. v.DeclaredConflicts, e.ExpertSubject] };

    public static ExpertPanelView Apply(ExpertScoresSubmitted e, ExpertPanelView v) => v with
    {
        Members = [.. v.Members.Select(m => m.ExpertSubject == e.ExpertSubject ? m with { ScoredAt = e.At } : m)],
        Scores = [.. v.Scores, new ExpertScores(e.ExpertSubject, e.Scores, e.Total, e.Comment, e.At)],
    };

    public static ExpertPanelView Apply(ConsensusRecorded e, ExpertPanelView v) =>
        v with { Consensus = new Consensus(e.Scores, e.Total, e.Passed, e.Comments, e.RecordedBy, e.At) };
}
