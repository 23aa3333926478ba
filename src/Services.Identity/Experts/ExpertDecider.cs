using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Identity.Experts;

public abstract record ExpertCommand(Guid AccountId);

/// <summary>The ministry sets an expert's whole profile; <see cref="AccountRole"/> is the account's role (null: no such account).</summary>
public sealed record RecordExpertProfile(Guid AccountId, string? AccountRole, ExpertProfileFields Profile, string ChangedBy)
    : ExpertCommand(AccountId);

/// <summary>The expert (or the ministry) changes the days the expert is available; the rest of the profile stays.</summary>
public sealed record ChangeAvailableDates(Guid AccountId, IReadOnlyList<DateOnly> AvailableDates, string ChangedBy) : ExpertCommand(AccountId);

public static class ExpertRules
{
    public static readonly Rule NotFound = Rule.NotFound("expert-not-found",
        "评审专家不存在或尚无专家信息。", "There is no such expert, or the expert has no profile yet.");
    public static readonly Rule NotAnExpertAccount = Rule.Unprocessable("expert-account-required",
        "只有评审专家账号才有专家信息。", "Only an expert account has an expert profile.");
}

/// <summary>Decides what a change of an expert's profile means: every change records the whole profile; no change, no event.</summary>
public static class ExpertDecider
{
    public static object[] Decide(ExpertCommand command, Expert? state, DateTimeOffset now) => command switch
    {
        RecordExpertProfile { AccountRole: null } => throw new RuleViolation(ExpertRules.NotFound),
        RecordExpertProfile { AccountRole: not PlatformRoles.Expert } => throw new RuleViolation(ExpertRules.NotAnExpertAccount),
        RecordExpertProfile c when state is not null && Same(state.Profile, c.Profile) => [],
        RecordExpertProfile c => [Recorded(c.AccountId, c.Profile, c.ChangedBy, now)],
        _ when state is null => throw new RuleViolation(ExpertRules.NotFound),
        ChangeAvailableDates c when state.Profile.AvailableDates.SequenceEqual(Normalised(c.AvailableDates)) => [],
        ChangeAvailableDates c => [Recorded(c.AccountId, state.Profile with { AvailableDates = c.AvailableDates }, c.ChangedBy, now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown expert command."),
    };

    static ExpertProfileRecorded Recorded(Guid accountId, ExpertProfileFields p, string changedBy, DateTimeOffset now) =>
        new(accountId, p.Name, p.Organisation, p.CreditCode, p.AuthorityCode, [.. p.ServiceModes.Distinct().Order(StringComparer.Ordinal)],
            [.. p.CityClasses.Distinct().Order(StringComparer.Ordinal)], Normalised(p.AvailableDates), p.Active, changedBy, now);

    static IReadOnlyList<DateOnly> Normalised(IReadOnlyList<DateOnly> dates) => [.. dates.Distinct().Order()];

    static bool Same(ExpertProfileFields a, ExpertProfileFields b) =>
        a.Name == b.Name && a.Organisation == b.Organisation && a.CreditCode == b.CreditCode && a.AuthorityCode == b.AuthorityCode
        && a.Active == b.Active && a.ServiceModes.SequenceEqual(b.ServiceModes.Distinct().Order(StringComparer.Ordinal))
        && a.CityClasses.SequenceEqual(b.CityClasses.Distinct().Order(StringComparer.Ordinal))
        && a.AvailableDates.SequenceEqual(Normalised(b.AvailableDates));
}
