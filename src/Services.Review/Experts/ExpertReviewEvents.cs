using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// An expert was assigned to an application (on the campaign's assignment board): by the ministry's automatic assignment of
/// a whole category (<see cref="Automatic"/>), or by an officer's hand.
/// </summary>
public sealed record ExpertAssigned(Guid CampaignId, Guid ApplicationId, ApplicationCategory Category, string ExpertSubject, bool Automatic,
    string AssignedBy, DateTimeOffset At);

/// <summary>
/// An expert is no longer assigned to an application: an officer removed him (<see cref="Reason"/> <c>removed</c>) or the
/// expert declared a conflict of interest (<c>declared-conflict</c>).
/// </summary>
public sealed record ExpertUnassigned(Guid CampaignId, Guid ApplicationId, string ExpertSubject, string Reason, string By, DateTimeOffset At);

/// <summary>The application's expert review began: its first expert was assigned (the applicant sees "under expert review").</summary>
public sealed record ExpertReviewOpened(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, DateTimeOffset At);

/// <summary>Before opening the application, the assigned expert declared he has no conflict of interest with it.</summary>
public sealed record NoConflictDeclared(Guid ApplicationId, string ExpertSubject, DateTimeOffset At);

/// <summary>
/// An officer removed an expert who had declared no conflict: the declaration lapses with the assignment, so that a
/// re-assignment needs a new one (the read view and the write side agree on it).
/// </summary>
public sealed record NoConflictDeclarationLapsed(Guid ApplicationId, string ExpertSubject, DateTimeOffset At);

/// <summary>The assigned expert declared a conflict of interest; his assignment ends with it.</summary>
public sealed record ConflictDeclared(Guid ApplicationId, string ExpertSubject, string Reason, DateTimeOffset At);

/// <summary>An expert submitted his own scores of the application, alone; <see cref="Total"/> is the sheet's weighted total.</summary>
public sealed record ExpertScoresSubmitted(Guid ApplicationId, string ExpertSubject, IReadOnlyList<CriterionScore> Scores, decimal Total,
    string? Comment, DateTimeOffset At);

/// <summary>The ministry recorded the experts' consensus (合议): the agreed score per criterion, the total, and comments.</summary>
public sealed record ConsensusRecorded(Guid ApplicationId, IReadOnlyList<CriterionScore> Scores, decimal Total, bool Passed, string Comments,
    string RecordedBy, DateTimeOffset At);
