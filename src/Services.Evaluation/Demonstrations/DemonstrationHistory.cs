using ServiceManufacturing.ServiceDefaults.Audit;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>What the auditors' history says of each demonstration event (one place; a test fails for an event with none).</summary>
static class DemonstrationHistory
{
    public static EventHistory DescribeDemonstrations(this EventHistory history) => history
        .Describe<DemonstrationEnrolled>(e => new($"第 {e.Batch} 批示范 {e.Name} 纳入评估名单", $"Batch {e.Batch} demonstration {e.Name} enrolled for evaluation")
            { Authority = e.AuthorityCode });
}
