using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// The ministry published a campaign's candidate list for public comment (网上公示) from <see cref="Starts"/> to
/// <see cref="Ends"/> (whole days, China Standard Time); kept on the campaign's stream, whose calendar it joins.
/// </summary>
public sealed record PublicNoticePublished(Guid CampaignId, DateOnly Starts, DateOnly Ends, IReadOnlyList<Guid> ApplicationIds,
    string PublishedBy, DateTimeOffset At);

/// <summary>An application passed expert review (and, where one was due, its site visit) and is on the public notice.</summary>
public sealed record CandidateListed(Guid ApplicationId, Guid CampaignId, ApplicationCategory Category, string? Class, string? ServiceMode,
    string OrganisationName, string CreditCode, string AuthorityCode, DateTimeOffset At);

/// <summary>
/// An application that did not pass expert review stays off the campaign's public notice, published once: it is not
/// selected, and its applicant learns it (kept on the application's review case stream).
/// </summary>
public sealed record LeftOffPublicNotice(Guid ApplicationId, Guid CampaignId, DateTimeOffset At)
{
    /// <summary>What the applicant reads as the reason.</summary>
    public const string Reason = "未通过专家评审，未列入公示名单。 / Did not pass expert review: not on the public notice.";
}

/// <summary>Someone objected to a candidate during the notice period, under their real name and contact details (实名异议).</summary>
public sealed record ObjectionFiled(Guid ApplicationId, Guid ObjectionId, string ContactName, string ContactPhone, string Grounds,
    string FiledBy, DateTimeOffset At);

/// <summary>The ministry looked into an objection and wrote down what it found (处理结果).</summary>
public sealed record ObjectionResolved(Guid ApplicationId, Guid ObjectionId, string Outcome, string ResolvedBy, DateTimeOffset At);

/// <summary>After the notice period the ministry selected the candidate as a demonstration of the campaign's batch.</summary>
public sealed record CandidateSelected(Guid ApplicationId, Guid CampaignId, string? Comment, string DecidedBy, DateTimeOffset At);

/// <summary>After the notice period the ministry declined the candidate, with its reason.</summary>
public sealed record CandidateDeclined(Guid ApplicationId, Guid CampaignId, string Reason, string DecidedBy, DateTimeOffset At);

/// <summary>
/// A selected candidate joined the campaign's final list (最终名单), written with <see cref="CandidateSelected"/> in one
/// transaction: the list is what Evaluation hears of (its roster of batch <see cref="Batch"/>) and what the ministry exports.
/// </summary>
public sealed record DemonstrationAddedToFinalList(Guid CampaignId, int Year, int Batch, Guid ApplicationId, ApplicationCategory Category,
    string? Class, string? ServiceMode, string OrganisationName, string CreditCode, string AuthorityCode, DateTimeOffset At);
