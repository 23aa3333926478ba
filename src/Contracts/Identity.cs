namespace ServiceManufacturing.Contracts;

/// <summary>
/// An applicant account became a verified member of the organisation with <see cref="CreditCode"/>: its authority
/// approved the account's binding, or a verified member invited it (<see cref="How"/>: <c>binding-approved</c> or
/// <c>invited</c>). Until then the account sees only its own drafts and cannot submit.
/// </summary>
public sealed record OrganisationMemberVerified(string CreditCode, string AccountSubject, string How, DateTimeOffset VerifiedAt);

/// <summary>The account is no longer a member of the organisation; it loses access to the organisation's applications.</summary>
public sealed record OrganisationMemberRemoved(string CreditCode, string AccountSubject, DateTimeOffset RemovedAt);
