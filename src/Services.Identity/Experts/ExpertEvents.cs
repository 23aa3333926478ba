namespace ServiceManufacturing.Services.Identity.Experts;

/// <summary>
/// An expert's profile, whole, as it stands after a change: the ministry created or edited it, or the expert changed the
/// days he is available. Each change records the whole profile, so that what Identity publishes of it stands alone.
/// </summary>
public sealed record ExpertProfileRecorded(
    Guid AccountId,
    string Name,
    string Organisation,
    string CreditCode,
    string AuthorityCode,
    IReadOnlyList<string> ServiceModes,
    IReadOnlyList<string> CityClasses,
    IReadOnlyList<DateOnly> AvailableDates,
    bool Active,
    string ChangedBy,
    DateTimeOffset ChangedAt);
