using Marten;
using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>How far expert review has come per category: assigned, declared, scored, in consensus.</summary>
public static class ExpertReviewProgress
{
    /// <summary>Expert review's part: the applications the ministry holds, and how far their panels have come.</summary>
    public static async Task<IReadOnlyList<CategoryProgress>> OfCampaignAsync(IQuerySession session, Guid campaignId, CancellationToken ct)
    {
        var applications = await ExpertReviewScope.OfCampaignAsync(session, campaignId, null, ct);
        var settings = await ExpertReviewScope.SettingsAsync(session, campaignId, ct);
        var panels = (await session.LoadManyAsync<ExpertPanelView>(ct, applications.Select(a => a.ApplicationId).ToArray())).ToDictionary(p => p.Id);
        return [.. Enum.GetValues<ApplicationCategory>().Select(category =>
        {
            var of = applications.Where(a => a.Category == category).Select(a => panels.GetValueOrDefault(a.ApplicationId)).ToList();
            bool Assigned(ExpertPanelView? p) => p is not null && p.Members.Count >= settings.ExpertsPerApplication;
            return new CategoryProgress(category, of.Count, of.Count(Assigned),
                of.Count(p => Assigned(p) && p!.Members.All(m => m.DeclaredNoConflict)),
                of.Count(p => Assigned(p) && p!.Members.All(m => m.ScoredAt is not null)),
                of.Count(p => p?.Consensus is not null));
        })];
    }
}
