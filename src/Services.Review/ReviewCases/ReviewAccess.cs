using Marten;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Experts;

namespace ServiceManufacturing.Services.Review.ReviewCases;

/// <summary>
/// Review's one answer to "may this user see this application": the officers of its authority, the ministry and auditors;
/// and an expert assigned to it who has declared no conflict of interest and whom no computed conflict bars (an expert
/// who is unassigned, undeclared or conflicted sees nothing of it: 404 on every endpoint, its documents and scores too).
/// </summary>
public sealed record ApplicationSight(CurrentUser User, ReviewCaseDetails? Case, ExpertPanelView? Panel, ExpertProfile? Expert)
{
    /// <summary>What Review knows of the application and of the user, in one read.</summary>
    public static async Task<ApplicationSight> OfAsync(IQuerySession session, CurrentUser user, Guid applicationId, CancellationToken ct)
    {
        var reviewCase = await session.LoadAsync<ReviewCaseDetails>(applicationId, ct);
        var panel = await session.LoadAsync<ExpertPanelView>(applicationId, ct);
        var expert = user.Is(PlatformRoles.Expert) ? await session.LoadAsync<ExpertProfile>(user.Subject, ct) : null;
        return new(user, reviewCase, panel, expert);
    }

    /// <summary>The facts the conflict rules weigh.</summary>
    public ApplicationFacts? Facts => Case is null ? null : new(Case.CreditCode, Case.AuthorityCode, Case.RelatedParties ?? []);

    /// <summary>Assigned, and no computed conflict (whatever he declared): he may declare, and is listed his assignment.</summary>
    public bool IsAssignedExpert => User.Is(PlatformRoles.Expert) && Case is not null && Panel?.Member(User.Subject) is not null
        && Expert is not null && Conflicts.Between(Expert, Facts!) is null;

    /// <summary>Assigned, unconflicted, and declared no conflict: he may open the application, its documents and his scores.</summary>
    public bool ExpertMayOpen => IsAssignedExpert && Panel!.Member(User.Subject)!.DeclaredNoConflict;

    /// <summary>Whoever may see the application's case: its authority's officers, the ministry, auditors, or an expert who may open it.</summary>
    public bool MaySeeCase => Case is not null && (User.ActsFor(Case.AuthorityCode) || ExpertMayOpen);

    /// <summary>The ministry and auditors see the expert review of any application; an expert who may open it sees his part.</summary>
    public bool MaySeeExpertReview => Case is not null && Panel is not null && (User.SeesEverything || ExpertMayOpen);

    /// <summary>Every expert's scores: the ministry and auditors, and an expert only once he has submitted his own.</summary>
    public bool MaySeeOthersScores => MaySeeExpertReview && (User.SeesEverything || Panel!.HasScored(User.Subject));
}
