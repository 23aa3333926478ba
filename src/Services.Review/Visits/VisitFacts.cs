using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Visits;

/// <summary>What the visit deciders are told of an application and of the experts, from the review case and the expert pool.</summary>
public static class VisitFacts
{
    public static VisitSubject SubjectOf(ReviewCaseDetails details, ReviewCase? state) => new(details.Id, details.CampaignId, details.Category,
        details.OrganisationName, details.AuthorityCode, state?.ExpertReviewPassed == true);

    public static ApplicationFacts ApplicationOf(ReviewCaseDetails details, ReviewCase? state) =>
        new(details.CreditCode, details.AuthorityCode, state?.RelatedPartyCodes ?? []);

    /// <summary>
    /// The expert as a visit to <paramref name="application"/> sees them: conflicted by the computed rules, or by the conflict
    /// the expert declared on it in expert review (<paramref name="declared"/>).
    /// </summary>
    public static VisitExpert ExpertOf(ExpertProfile profile, ApplicationFacts application, IReadOnlyCollection<string> declared) =>
        new(profile.Id, profile.Active, profile.AvailableDates, Conflicts.Between(profile, application) is not null || declared.Contains(profile.Id));

    /// <summary>The experts who declared a conflict with the application in its expert review.</summary>
    public static async Task<IReadOnlyCollection<string>> DeclaredConflictsAsync(Marten.IQuerySession session, Guid applicationId, CancellationToken ct) =>
        (await session.LoadAsync<ExpertPanelView>(applicationId, ct))?.DeclaredConflicts ?? [];

    /// <summary>Where the team goes unless an officer says otherwise: the applicant (or city) itself, in its authority's area.</summary>
    public static string DefaultPlace(ReviewCaseDetails details) =>
        $"{details.OrganisationName}（{ServiceManufacturing.Contracts.Reference.Authorities.Find(details.AuthorityCode)?.NameZh ?? details.AuthorityCode}）";
}
