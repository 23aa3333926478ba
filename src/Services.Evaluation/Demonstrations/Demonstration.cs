namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>What the decider needs to know of an earlier-batch demonstration.</summary>
public sealed record Demonstration(Guid Id, int Batch)
{
    public static Demonstration Create(DemonstrationEnrolled e) => new(e.DemonstrationId, e.Batch);
}
