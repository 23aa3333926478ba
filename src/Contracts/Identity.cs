namespace ServiceManufacturing.Contracts;

/// <summary>
/// An applicant account became a verified member of the organisation with <see cref="CreditCode"/>: its authority
/// approved the account's binding, or a verified member invited it (<see cref="How"/>: <c>binding-approved</c> or
/// <c>invited</c>). Until then the account sees only its own drafts and cannot submit.
/// </summary>
public sealed record OrganisationMemberVerified(string CreditCode, string AccountSubject, string How, DateTimeOffset VerifiedAt);

/// <summary>The account is no longer a member of the organisation; it loses access to the organisation's applications.</summary>
public sealed record OrganisationMemberRemoved(string CreditCode, string AccountSubject, DateTimeOffset RemovedAt);

/// <summary>
/// An expert's profile (评审专家) as the ministry keeps it in Identity, whole, after each change: the ministry created the
/// expert or edited the profile, or the expert changed the dates he is available. Review keeps its own copy for conflict
/// checks, assignments and site visits; <see cref="Sequence"/> is the place of Identity's event in Identity's history:
/// of two messages about one expert the one with the higher sequence wins, whatever order they arrive in.
/// </summary>
/// <param name="ExpertSubject">The expert's account (the token's sub).</param>
/// <param name="Name">The expert's name.</param>
/// <param name="Organisation">The organisation the expert works for.</param>
/// <param name="CreditCode">That organisation's unified social credit code (an expert never reviews his own organisation).</param>
/// <param name="AuthorityCode">The expert's province-level authority code (one of the 37 recommending authorities).</param>
/// <param name="ServiceModes">The service modes the expert judges (enterprise applications), as in <see cref="SubmissionValues.ServiceModes"/>.</param>
/// <param name="CityClasses">The platform and city classes the expert judges, as in <see cref="SubmissionValues.Classes"/>.</param>
/// <param name="AvailableDates">The days the expert is available (for site visits).</param>
/// <param name="Active">Whether the expert may be assigned at all.</param>
/// <param name="ChangedAt">When the profile changed.</param>
/// <param name="Sequence">The place of the change in Identity's history.</param>
public sealed record ExpertProfileChanged(
    string ExpertSubject,
    string Name,
    string Organisation,
    string CreditCode,
    string AuthorityCode,
    IReadOnlyList<string> ServiceModes,
    IReadOnlyList<string> CityClasses,
    IReadOnlyList<DateOnly> AvailableDates,
    bool Active,
    DateTimeOffset ChangedAt,
    long Sequence);
