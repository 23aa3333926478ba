using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

public abstract record DemonstrationCommand(Guid DemonstrationId);

public sealed record EnrollDemonstration(
    Guid DemonstrationId, int Batch, ApplicationCategory Category, string Name, string? CreditCode, string AuthorityCode)
    : DemonstrationCommand(DemonstrationId);

public static class DemonstrationRules
{
    public static readonly Rule EarlierBatchesOnly = Rule.Unprocessable("demonstration-earlier-batch",
        "评估评价仅针对前四批示范（第 1 至 4 批）。", "Evaluation covers the demonstrations of batches 1 to 4 only.");
    public static readonly Rule AlreadyEnrolled = Rule.Conflict("demonstration-exists",
        "该示范已在名单中。", "This demonstration is already on the roster.");
    public static readonly Rule NotFound = Rule.NotFound("demonstration-not-found",
        "示范不存在。", "The demonstration does not exist.");
}

/// <summary>Decides what a roster command means, given the demonstration's state and the time.</summary>
public static class DemonstrationDecider
{
    public static object[] Decide(DemonstrationCommand command, Demonstration? state, DateTimeOffset now) => command switch
    {
        EnrollDemonstration { Batch: < 1 or > 4 } => throw new RuleViolation(DemonstrationRules.EarlierBatchesOnly),
        EnrollDemonstration c when state is null =>
            [new DemonstrationEnrolled(c.DemonstrationId, c.Batch, c.Category, c.Name, c.CreditCode, c.AuthorityCode, now)],
        EnrollDemonstration => throw new RuleViolation(DemonstrationRules.AlreadyEnrolled),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown roster command."),
    };
}
