namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>The fields of an expert's profile, as the ministry sets them.</summary>
public sealed record ExpertProfileFields(
    string Name, string Organisation, string CreditCode, string AuthorityCode, IReadOnlyList<string> ServiceModes,
    IReadOnlyList<string> CityClasses, IReadOnlyList<DateOnly> AvailableDates, bool Active);

/// <summary>What the decider needs to know of an expert: the profile as it stands. Built from its stream, never mutated.</summary>
public sealed record Expert(Guid Id, Guid AccountId, ExpertProfileFields Profile)
{
    /// <summary>The one profile stream of the expert account <paramref name="accountId"/>.</summary>
    public static Guid IdFor(Guid accountId) => ServiceDefaults.EventStore.StreamIds.For("expert-profile", accountId.ToString());

    public static Expert Create(ExpertProfileRecorded e) => new(IdFor(e.AccountId), e.AccountId, FieldsOf(e));

    public Expert Apply(ExpertProfileRecorded e) => this with { Profile = FieldsOf(e) };

    static ExpertProfileFields FieldsOf(ExpertProfileRecorded e) => new(e.Name, e.Organisation, e.CreditCode, e.AuthorityCode,
        e.ServiceModes, e.CityClasses, e.AvailableDates, e.Active);
}
