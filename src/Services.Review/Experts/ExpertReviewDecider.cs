using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// Decides the expert review's writes, each over several streams: the campaign's <see cref="AssignmentBoard"/> (who reviews
/// what, and so each expert's load), each application's <see cref="ExpertPanel"/> (declarations, scores, consensus) and,
/// for the consensus, its review case. Pure: given the states, the events of each stream.
/// </summary>
public static class ExpertReviewDecider
{
    /// <summary>
    /// Gives each application of the category enough experts (the campaign's number, counting those it has): active experts
    /// of its expertise (an enterprise's service mode, a platform's or city's class), never conflicted, never over their
    /// load, never one an officer removed from that application (an officer may still assign him by hand). The most
    /// constrained application chooses first; among the eligible, the least loaded expert (then by account) is taken.
    /// What it could not cover is reported in <paramref name="uncovered"/>.
    /// </summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(AssignCategory c, AssignmentBoard? board,
        IReadOnlyDictionary<Guid, ExpertPanel?> panels, DateTimeOffset now, out IReadOnlyList<UncoveredApplication> uncovered)
    {
        board ??= AssignmentBoard.Empty(c.CampaignId);
        var loads = c.Experts.ToDictionary(e => e.Id, e => board.LoadOf(e.Id));
        var assigned = new List<object>();
        var decided = new Dictionary<Guid, object[]>();
        var short_ = new List<UncoveredApplication>();
        var open = c.Applications.Where(a => a.Category == c.Category && panels.GetValueOrDefault(a.ApplicationId)?.Consensus is null).ToList();
        bool Eligible(ExpertProfile e, ApplicationToReview a, IReadOnlyList<string> current) => e.Active
            && e.Judges(a.Category, a.ServiceMode, a.Class) && !current.Contains(e.Id) && Conflicts.Between(e, a.Facts) is null
            && panels.GetValueOrDefault(a.ApplicationId)?.DeclaredConflict.Contains(e.Id) != true && !board.WasRemovedByHand(a.ApplicationId, e.Id);
        var order = open.OrderBy(a => c.Experts.Count(e => Eligible(e, a, board.ExpertsOf(a.ApplicationId))))
            .ThenBy(a => a.SubmittedAt).ThenBy(a => a.ApplicationId);
        foreach (var application in order)
        {
            var current = board.ExpertsOf(application.ApplicationId).ToList();
            var before = current.Count;
            while (current.Count < c.Settings.ExpertsPerApplication)
            {
                var expert = c.Experts.Where(e => Eligible(e, application, current) && loads[e.Id] < c.Settings.MaxLoadPerExpert)
                    .OrderBy(e => loads[e.Id]).ThenBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault();
                if (expert is null) break;
                current.Add(expert.Id);
                loads[expert.Id]++;
                assigned.Add(new ExpertAssigned(c.CampaignId, application.ApplicationId, application.Category, expert.Id, true, c.By, now));
            }
            if (current.Count < c.Settings.ExpertsPerApplication)
                short_.Add(new UncoveredApplication(application.ApplicationId, application.OrganisationName, current.Count,
                    c.Settings.ExpertsPerApplication - current.Count));
            if (current.Count > before && panels.GetValueOrDefault(application.ApplicationId) is null)
                decided[ExpertPanel.IdFor(application.ApplicationId)] =
                    [new ExpertReviewOpened(application.ApplicationId, c.CampaignId, application.Category, now)];
        }
        decided[board.Id] = [.. assigned];
        uncovered = short_;
        return decided;
    }

    /// <summary>An officer's assignment: never a conflicted, inactive or fully loaded expert, never twice.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(AssignExpert c, AssignmentBoard? board, ExpertPanel? panel, DateTimeOffset now)
    {
        var a = c.Application;
        board ??= AssignmentBoard.Empty(a.CampaignId);
        if (panel?.Consensus is not null) throw new RuleViolation(ExpertReviewRules.Concluded);
        if (c.Expert is null) throw new RuleViolation(ExpertReviewRules.ExpertNotFound);
        if (!c.Expert.Active) throw new RuleViolation(ExpertReviewRules.ExpertInactive);
        if (board.IsAssigned(a.ApplicationId, c.Expert.Id)) throw new RuleViolation(ExpertReviewRules.AlreadyAssigned);
        if ((Conflicts.Between(c.Expert, a.Facts) ?? (panel?.DeclaredConflict.Contains(c.Expert.Id) == true ? Conflicts.Declared : null)) is { } rule)
            throw new RuleViolation(ExpertReviewRules.Conflicted, $"rule: {rule}");
        if (board.LoadOf(c.Expert.Id) >= c.Settings.MaxLoadPerExpert) throw new RuleViolation(ExpertReviewRules.OverLoad);
        var decided = new Dictionary<Guid, object[]>
        {
            [board.Id] = [new ExpertAssigned(a.CampaignId, a.ApplicationId, a.Category, c.Expert.Id, false, c.By, now)],
        };
        if (panel is null) decided[ExpertPanel.IdFor(a.ApplicationId)] = [new ExpertReviewOpened(a.ApplicationId, a.CampaignId, a.Category, now)];
        return decided;
    }

    /// <summary>An officer's removal of an assignment (his declaration of no conflict lapses with it); an expert who has scored stays.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(UnassignExpert c, AssignmentBoard? board, ExpertPanel? panel, DateTimeOffset now)
    {
        var a = c.Application;
        if (board?.IsAssigned(a.ApplicationId, c.ExpertSubject) != true) throw new RuleViolation(ExpertReviewRules.NotAssigned);
        if (panel?.Consensus is not null) throw new RuleViolation(ExpertReviewRules.Concluded);
        if (panel?.Scores.ContainsKey(c.ExpertSubject) == true) throw new RuleViolation(ExpertReviewRules.ScoredExpertStays);
        var decided = new Dictionary<Guid, object[]>
        {
            [board.Id] = [new ExpertUnassigned(a.CampaignId, a.ApplicationId, c.ExpertSubject, "removed", c.By, now)],
        };
        // His declaration was about this assignment: assigned again, he declares again before reading.
        if (panel?.DeclaredNoConflict.Contains(c.ExpertSubject) == true)
            decided[panel.Id] = [new NoConflictDeclarationLapsed(a.ApplicationId, c.ExpertSubject, now)];
        return decided;
    }

    /// <summary>The declaration before opening: no conflict (he may read and score), or a conflict, which ends his assignment.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(DeclareConflictOfInterest c, AssignmentBoard? board, ExpertPanel? panel, DateTimeOffset now)
    {
        var a = c.Application;
        if (board?.IsAssigned(a.ApplicationId, c.ExpertSubject) != true || panel is null) throw new RuleViolation(ExpertReviewRules.NotAssigned);
        if (panel.HasDeclared(c.ExpertSubject)) throw new RuleViolation(ExpertReviewRules.AlreadyDeclared);
        if (!c.HasConflict) return new Dictionary<Guid, object[]> { [panel.Id] = [new NoConflictDeclared(a.ApplicationId, c.ExpertSubject, now)] };
        if (string.IsNullOrWhiteSpace(c.Reason)) throw new RuleViolation(ExpertReviewRules.ConflictReasonRequired);
        return new Dictionary<Guid, object[]>
        {
            [panel.Id] = [new ConflictDeclared(a.ApplicationId, c.ExpertSubject, c.Reason.Trim(), now)],
            [board.Id] = [new ExpertUnassigned(a.CampaignId, a.ApplicationId, c.ExpertSubject, "declared-conflict", c.ExpertSubject, now)],
        };
    }

    /// <summary>An expert's own scores: assigned, declared free of conflict, once, a score for every criterion within its range.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(SubmitExpertScores c, AssignmentBoard? board, ExpertPanel? panel, DateTimeOffset now)
    {
        var a = c.Application;
        if (board?.IsAssigned(a.ApplicationId, c.ExpertSubject) != true || panel is null) throw new RuleViolation(ExpertReviewRules.NotAssigned);
        if (panel.Consensus is not null) throw new RuleViolation(ExpertReviewRules.Concluded);
        if (!panel.DeclaredNoConflict.Contains(c.ExpertSubject)) throw new RuleViolation(ExpertReviewRules.DeclarationRequired);
        if (panel.Scores.ContainsKey(c.ExpertSubject)) throw new RuleViolation(ExpertReviewRules.ScoresAlreadySubmitted);
        if (c.Sheet.Problems(c.Scores) is { Count: > 0 } errors) throw new RuleViolation(ExpertReviewRules.ScoresInvalid, errors: errors);
        return new Dictionary<Guid, object[]>
        {
            [panel.Id] = [new ExpertScoresSubmitted(a.ApplicationId, c.ExpertSubject, c.Scores, c.Sheet.TotalOf(c.Scores), c.Comment?.Trim(), now)],
        };
    }

    /// <summary>
    /// The ministry's consensus, once every assigned expert has scored (and at least the campaign's number of experts):
    /// the agreed scores pass when each reaches its criterion's threshold and the total the overall one. It concludes the
    /// case's expert review.
    /// </summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(RecordConsensus c, AssignmentBoard? board, ExpertPanel? panel, ReviewCase? reviewCase,
        DateTimeOffset now)
    {
        var a = c.Application;
        if (panel is null || reviewCase is not { Opened: true }) throw new RuleViolation(ExpertReviewRules.ApplicationNotFound);
        if (panel.Consensus is not null) throw new RuleViolation(ExpertReviewRules.Concluded);
        var experts = board?.ExpertsOf(a.ApplicationId) ?? [];
        if (experts.Count < c.Settings.ExpertsPerApplication || experts.Any(e => !panel.Scores.ContainsKey(e)))
            throw new RuleViolation(ExpertReviewRules.ConsensusNeedsEveryScore);
        if (string.IsNullOrWhiteSpace(c.Comments)) throw new RuleViolation(ExpertReviewRules.CommentsRequired);
        var sheet = c.Settings.SheetFor(a.Category);
        if (sheet.Problems(c.Scores) is { Count: > 0 } errors) throw new RuleViolation(ExpertReviewRules.ScoresInvalid, errors: errors);
        var total = sheet.TotalOf(c.Scores);
        var passed = sheet.Passes(c.Scores);
        return new Dictionary<Guid, object[]>
        {
            [panel.Id] = [new ConsensusRecorded(a.ApplicationId, c.Scores, total, passed, c.Comments.Trim(), c.By, now)],
            [reviewCase.Id] = [new ExpertReviewConcluded(a.ApplicationId, a.CampaignId, a.Category, a.Facts.AuthorityCode, passed, total, now)],
        };
    }
}
