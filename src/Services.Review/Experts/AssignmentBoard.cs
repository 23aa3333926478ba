using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>
/// A campaign's assignments of experts to applications (one stream per campaign, so that an expert's load is decided
/// against every assignment at once). Built from its stream, never mutated.
/// </summary>
public sealed record AssignmentBoard(Guid Id, Guid CampaignId, IReadOnlyDictionary<Guid, IReadOnlyList<string>> ExpertsByApplication)
{
    public static Guid IdFor(Guid campaignId) => StreamIds.For("expert-assignments", campaignId.ToString());

    public static AssignmentBoard Empty(Guid campaignId) => new(IdFor(campaignId), campaignId, new Dictionary<Guid, IReadOnlyList<string>>());

    public static AssignmentBoard Create(ExpertAssigned e) => Empty(e.CampaignId).Apply(e);

    public AssignmentBoard Apply(ExpertAssigned e) => With(e.ApplicationId, [.. ExpertsOf(e.ApplicationId), e.ExpertSubject]);

    public AssignmentBoard Apply(ExpertUnassigned e) => With(e.ApplicationId, [.. ExpertsOf(e.ApplicationId).Where(s => s != e.ExpertSubject)]) with
    {
        RemovedByHand = e.Reason != "removed" ? RemovedByHand
            : new Dictionary<Guid, IReadOnlyList<string>>(RemovedByHand) { [e.ApplicationId] = [.. RemovedOf(e.ApplicationId), e.ExpertSubject] },
    };

    /// <summary>The experts an officer removed from each application: the automatic assignment does not bring them back.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> RemovedByHand { get; init; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public bool WasRemovedByHand(Guid applicationId, string expert) => RemovedOf(applicationId).Contains(expert);

    IReadOnlyList<string> RemovedOf(Guid applicationId) => RemovedByHand.GetValueOrDefault(applicationId) ?? [];

    public IReadOnlyList<string> ExpertsOf(Guid applicationId) => ExpertsByApplication.GetValueOrDefault(applicationId) ?? [];

    public bool IsAssigned(Guid applicationId, string expert) => ExpertsOf(applicationId).Contains(expert);

    /// <summary>How many applications of the campaign the expert is assigned to.</summary>
    public int LoadOf(string expert) => ExpertsByApplication.Values.Count(experts => experts.Contains(expert));

    AssignmentBoard With(Guid applicationId, IReadOnlyList<string> experts) =>
        this with { ExpertsByApplication = new Dictionary<Guid, IReadOnlyList<string>>(ExpertsByApplication) { [applicationId] = experts } };
}
