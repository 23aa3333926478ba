using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// One application's expert review (one stream per application): who declared what, who scored what, and the consensus.
/// Who is assigned lives on the campaign's <see cref="AssignmentBoard"/>. Built from its stream, never mutated.
/// </summary>
public sealed record ExpertPanel(
    Guid Id, Guid ApplicationId, IReadOnlyList<string> DeclaredNoConflict, IReadOnlyList<string> DeclaredConflict,
    IReadOnlyDictionary<string, ExpertScoresSubmitted> Scores, ConsensusRecorded? Consensus)
{
    public static Guid IdFor(Guid applicationId) => StreamIds.For("expert-panel", applicationId.ToString());

    public static ExpertPanel Create(ExpertReviewOpened e) => new(IdFor(e.ApplicationId), e.ApplicationId, [], [],
        new Dictionary<string, ExpertScoresSubmitted>(), null);

    public ExpertPanel Apply(ExpertReviewOpened e) => this;

    public ExpertPanel Apply(NoConflictDeclared e) => this with { DeclaredNoConflict = [.. DeclaredNoConflict, e.ExpertSubject] };

    public ExpertPanel Apply(NoConflictDeclarationLapsed e) => this with { DeclaredNoConflict = [.. DeclaredNoConflict.Where(s => s != e.ExpertSubject)] };

    public ExpertPanel Apply(ConflictDeclared e) => this with
    {
        DeclaredConflict = [.. DeclaredConflict, e.ExpertSubject],
        DeclaredNoConflict = [.. DeclaredNoConflict.Where(s => s != e.ExpertSubject)],
    };

    public ExpertPanel Apply(ExpertScoresSubmitted e) =>
        this with { Scores = new Dictionary<string, ExpertScoresSubmitted>(Scores) { [e.ExpertSubject] = e } };

    public ExpertPanel Apply(ConsensusRecorded e) => this with { Consensus = e };

    public bool HasDeclared(string expert) => DeclaredNoConflict.Contains(expert) || DeclaredConflict.Contains(expert);
}
