using Marten.Events.Aggregation;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.ReviewCases;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>How an application came out of expert review (keyed by the application): what visits and the notice start from.</summary>
public sealed record ExpertReviewVerdict(Guid Id, Guid CampaignId, ApplicationCategory Category, string AuthorityCode, bool Passed, decimal Score);

/// <summary>Keeps <see cref="ExpertReviewVerdict"/> in step with each review case's conclusion, in the same transaction.</summary>
public sealed class ExpertReviewVerdictProjection : SingleStreamProjection<ExpertReviewVerdict, Guid>
{
    public static ExpertReviewVerdict Create(ExpertReviewConcluded e) => new(e.ApplicationId, e.CampaignId, e.Category, e.AuthorityCode, e.Passed, e.Score);

    public static ExpertReviewVerdict Apply(ExpertReviewConcluded e, ExpertReviewVerdict _) => Create(e);
}
