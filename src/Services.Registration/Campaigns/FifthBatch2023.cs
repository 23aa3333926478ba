using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>The campaign of notice 工信厅政法函〔2023〕42号, with exactly its values: seeded when no campaign exists.</summary>
public static class FifthBatch2023
{
    /// <summary>Fixed, so that every installation names the seeded campaign alike.</summary>
    public static readonly Guid Id = Guid.Parse("0186b7a0-0000-7000-8000-000000000005");

    public static OpenCampaign Command { get; } = new(Id, 2023, 5, "2023年第五批服务型制造示范遴选",
        EligibilityWindowStart: new DateOnly(2021, 1, 1),
        PlatformMinimumOperatingYears: 2,
        EnterpriseServiceRevenueShare: 0.30m,
        Deadlines: new CampaignDeadlines(
            ContactPersons: new DateOnly(2023, 3, 20),
            Applications: new DateOnly(2023, 5, 31),
            Recommendations: new DateOnly(2023, 5, 31),
            EvaluationMaterial: new DateOnly(2023, 5, 31)),
        Quotas:
        [
            new(AuthorityType.Province, 10, 1, 3, 1, 1, 2),
            new(AuthorityType.AutonomousRegion, 10, 1, 3, 1, 1, 2),
            new(AuthorityType.Municipality, 10, 1, 3, 1, 1, 2),
            new(AuthorityType.Xpcc, 10, 1, 3, 0, 0, 0),
            // A separately planned city recommends its own city application, of either class: one in total.
            new(AuthorityType.SeparatelyPlannedCity, 3, 1, 1, 1, 1, 1),
        ]);
}
