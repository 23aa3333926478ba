using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>An application the ministry has in hand (its package acknowledged), with what expert review needs of it.</summary>
public sealed record ApplicationToReview(
    Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string? ServiceMode, string? Class, string OrganisationName,
    ApplicationFacts Facts, DateTimeOffset SubmittedAt);

/// <summary>Assign a whole category of a campaign automatically: enough experts for each application, load balanced.</summary>
public sealed record AssignCategory(Guid CampaignId, ApplicationCategory Category, IReadOnlyList<ApplicationToReview> Applications,
    IReadOnlyList<ExpertProfile> Experts, ExpertReviewSettings Settings, string By);

/// <summary>An officer assigns one expert by hand (<see cref="Expert"/> null: no such expert known).</summary>
public sealed record AssignExpert(ApplicationToReview Application, string ExpertSubject, ExpertProfile? Expert, ExpertReviewSettings Settings, string By);

/// <summary>An officer removes one expert's assignment.</summary>
public sealed record UnassignExpert(ApplicationToReview Application, string ExpertSubject, string By);

/// <summary>The assigned expert declares, before opening the application, whether he has a conflict of interest.</summary>
public sealed record DeclareConflictOfInterest(ApplicationToReview Application, string ExpertSubject, bool HasConflict, string? Reason);

/// <summary>The assigned, declared expert submits his own scores.</summary>
public sealed record SubmitExpertScores(ApplicationToReview Application, string ExpertSubject, IReadOnlyList<CriterionScore> Scores,
    string? Comment, ScoringSheet Sheet);

/// <summary>The ministry records the experts' consensus: the agreed score per criterion and comments.</summary>
public sealed record RecordConsensus(ApplicationToReview Application, IReadOnlyList<CriterionScore> Scores, string? Comments,
    ExpertReviewSettings Settings, string By);

/// <summary>An application the automatic assignment could not give enough experts, and how many it still lacks.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="OrganisationName">申报单位名称 / The organisation.</param>
/// <param name="Assigned">已分配专家数 / How many experts it has.</param>
/// <param name="Missing">尚缺专家数 / How many it still lacks.</param>
public sealed record UncoveredApplication(Guid ApplicationId, string OrganisationName, int Assigned, int Missing);
