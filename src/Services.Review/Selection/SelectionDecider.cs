using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.Visits;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// An application the ministry holds in the campaign as the notice needs it: what it is, how its expert review concluded
/// (<see cref="ExpertReviewPassed"/> is null while it has not), its visit.
/// </summary>
public sealed record NoticeCandidate(Guid ApplicationId, ApplicationCategory Category, string? Class, string? ServiceMode,
    string OrganisationName, string CreditCode, string AuthorityCode, bool? ExpertReviewPassed, SiteVisit? Visit)
{
    public bool PassedExpertReview => ExpertReviewPassed == true;


    /// <summary>Whether it may stand on the notice: passed expert review and, where a visit is due, with the visit's report filed.</summary>
    public bool VisitReportOutstanding => PassedExpertReview && SiteVisit.Required(Category, Visit) && Visit?.Report is null;
}

public sealed record PublishNotice(Guid CampaignId, DateOnly Starts, DateOnly Ends, IReadOnlyList<NoticeCandidate> Applications, string By);

public sealed record FileObjection(Guid ApplicationId, Guid ObjectionId, string? ContactName, string? ContactPhone, string? Grounds, string By);

public sealed record ResolveObjection(Guid ApplicationId, Guid ObjectionId, string? Outcome, string By);

public enum SelectionDecision { Select, Decline }

public sealed record DecideCandidate(Guid ApplicationId, SelectionDecision Decision, string? Reason, string By);

public static class SelectionRules
{
    public static readonly Rule NoticeAlreadyPublished = Rule.Conflict("public-notice-already-published",
        "该批次的公示已发布。", "This campaign's public notice has already been published.");
    public static readonly Rule NoticePeriodInvalid = Rule.Unprocessable("notice-period-invalid",
        "公示截止日期不能早于开始日期。", "The notice period must not end before it starts.");
    public static readonly Rule NoticeStartsBeforePublication = Rule.Unprocessable("notice-starts-before-publication",
        "公示期不能早于发布当日（北京时间）开始。", "The notice period cannot start before the day it is published (China Standard Time).");
    public static readonly Rule TextInvalid = Rule.Unprocessable("selection-text-invalid",
        "所填内容过长或格式不符（见各字段说明）。", "A field is too long or not in its format (see each field).");
    public static readonly Rule NoticeEmpty = Rule.Unprocessable("public-notice-empty",
        "没有通过专家评审的申报可以公示。", "No application of this campaign has passed expert review.");
    public static readonly Rule ExpertReviewOutstanding = Rule.Unprocessable("expert-review-outstanding",
        "尚有申报未完成专家评审合议，不能发布公示（公示每批次只发布一次）。",
        "An application the ministry holds in this campaign has no concluded expert review yet: the notice (published once per campaign) cannot be published.");
    public static readonly Rule VisitReportsOutstanding = Rule.Unprocessable("visit-reports-outstanding",
        "尚有城市（或部里标记考查的企业、平台）未提交现场考查报告，不能发布公示。",
        "A city (or an enterprise or platform marked for a visit) that passed expert review has no filed visit report yet: the notice cannot be published.");
    public static readonly Rule CandidateNotFound = Rule.NotFound("candidate-not-found",
        "该申报不在公示名单中。", "This application is not on a public notice.");
    public static readonly Rule OutsideNoticePeriod = Rule.Unprocessable("objection-outside-notice-period",
        "异议须在公示期内提出；公示期已结束或尚未开始。", "Objections are received only during the notice period; it is over or has not begun.");
    public static readonly Rule ObjectorDetailsRequired = Rule.Unprocessable("objection-details-required",
        "异议须署真实姓名、留联系电话并写明异议内容。", "An objection needs the objector's real name, a telephone number and its grounds.");
    public static readonly Rule ObjectionNotFound = Rule.NotFound("objection-not-found", "该异议不存在。", "There is no such objection.");
    public static readonly Rule ObjectionAlreadyResolved = Rule.Conflict("objection-already-resolved",
        "该异议已处理。", "This objection has already been resolved.");
    public static readonly Rule OutcomeRequired = Rule.Unprocessable("objection-outcome-required",
        "处理异议须写明处理结果。", "Resolving an objection needs its written outcome.");
    public static readonly Rule NoticePeriodNotOver = Rule.Unprocessable("notice-period-not-over",
        "公示期结束后方可作出遴选决定。", "Candidates are selected or declined only after the notice period.");
    public static readonly Rule ObjectionUnresolved = Rule.Unprocessable("objection-unresolved",
        "该候选尚有未处理的异议，不能作出决定。", "This candidate has an unresolved objection: resolve it before deciding.");
    public static readonly Rule VisitReportRequired = Rule.Unprocessable("visit-report-required",
        "未提交现场考查报告的城市（或标记考查的企业、平台）不能入选。",
        "A city (or an enterprise or platform marked for a visit) cannot be selected without a filed visit report.");
    public static readonly Rule AlreadyDecided = Rule.Conflict("candidate-already-decided",
        "该候选已作出遴选决定。", "This candidate has already been selected or declined.");
    public static readonly Rule DeclineReasonRequired = Rule.Unprocessable("decline-reason-required",
        "不予入选须说明理由。", "Declining a candidate needs its reason.");
}

/// <summary>
/// Decides the public notice (公示), its objections and the final selection. The notice period is the campaign's: its one
/// calendar (<see cref="ReviewCampaign.NoticeOpen"/>, <see cref="ReviewCampaign.NoticeOver"/>) says when it is open.
/// </summary>
public static class SelectionDecider
{
    /// <summary>
    /// The notice on the campaign's stream, each candidate listed on its own candidacy stream, and each application that
    /// failed expert review left off it on its review case stream.
    /// </summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(PublishNotice c, ReviewCampaign? campaign, DateTimeOffset now)
    {
        if (campaign is null) throw new RuleViolation(ReviewCampaignRules.Unknown);
        if (campaign.Notice is not null) throw new RuleViolation(SelectionRules.NoticeAlreadyPublished);
        if (c.Ends < c.Starts) throw new RuleViolation(SelectionRules.NoticePeriodInvalid);
        // The public must be able to read the notice and object for all of its period: no day of it lies before publication.
        if (c.Starts < ChinaTime.DayOf(now)) throw new RuleViolation(SelectionRules.NoticeStartsBeforePublication);
        if (c.Applications.Where(a => a.ExpertReviewPassed is null).Select(a => a.OrganisationName).ToList() is { Count: > 0 } unconcluded)
            throw new RuleViolation(SelectionRules.ExpertReviewOutstanding, string.Join("、", unconcluded));
        if (c.Applications.Where(a => a.VisitReportOutstanding).Select(a => a.OrganisationName).ToList() is { Count: > 0 } outstanding)
            throw new RuleViolation(SelectionRules.VisitReportsOutstanding, string.Join("、", outstanding));
        var listed = c.Applications.Where(a => a.PassedExpertReview).ToList();
        if (listed.Count == 0) throw new RuleViolation(SelectionRules.NoticeEmpty);
        var events = listed.ToDictionary(a => Candidacy.IdFor(a.ApplicationId), a => new object[]
        {
            new CandidateListed(a.ApplicationId, c.CampaignId, a.Category, a.Class, a.ServiceMode, a.OrganisationName, a.CreditCode, a.AuthorityCode, now),
        });
        // An application that failed expert review can never be a candidate now: the notice is published once.
        foreach (var failed in c.Applications.Where(a => a.ExpertReviewPassed == false))
            events[failed.ApplicationId] = [new LeftOffPublicNotice(failed.ApplicationId, c.CampaignId, now)];
        events[c.CampaignId] = [new PublicNoticePublished(c.CampaignId, c.Starts, c.Ends, listed.Select(a => a.ApplicationId).ToList(), c.By, now)];
        return events;
    }

    public static object[] Decide(FileObjection c, Candidacy? candidacy, ReviewCampaign? campaign, DateTimeOffset now)
    {
        if (candidacy is null) throw new RuleViolation(SelectionRules.CandidateNotFound);
        if (campaign is null || !campaign.NoticeOpen(now)) throw new RuleViolation(SelectionRules.OutsideNoticePeriod);
        if (string.IsNullOrWhiteSpace(c.ContactName) || string.IsNullOrWhiteSpace(c.ContactPhone) || string.IsNullOrWhiteSpace(c.Grounds))
            throw new RuleViolation(SelectionRules.ObjectorDetailsRequired);
        SelectionText.Check(("contactName", c.ContactName, SelectionText.NameLength), ("grounds", c.Grounds, SelectionText.GroundsLength));
        SelectionText.CheckPhone("contactPhone", c.ContactPhone);
        return [new ObjectionFiled(c.ApplicationId, c.ObjectionId, c.ContactName.Trim(), c.ContactPhone.Trim(), c.Grounds.Trim(), c.By, now)];
    }

    public static object[] Decide(ResolveObjection c, Candidacy? candidacy, DateTimeOffset now)
    {
        if (candidacy is null) throw new RuleViolation(SelectionRules.CandidateNotFound);
        var objection = candidacy.Objections.FirstOrDefault(o => o.Id == c.ObjectionId) ?? throw new RuleViolation(SelectionRules.ObjectionNotFound);
        if (objection.Outcome is not null) throw new RuleViolation(SelectionRules.ObjectionAlreadyResolved);
        if (string.IsNullOrWhiteSpace(c.Outcome)) throw new RuleViolation(SelectionRules.OutcomeRequired);
        SelectionText.Check(("outcome", c.Outcome, SelectionText.OutcomeLength));
        return [new ObjectionResolved(c.ApplicationId, c.ObjectionId, c.Outcome.Trim(), c.By, now)];
    }

    /// <summary>A selection goes on the candidacy and on the campaign's final list, in one write; a decline on the candidacy.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(DecideCandidate c, Candidacy? candidacy, ReviewCampaign? campaign,
        SiteVisit? visit, DateTimeOffset now)
    {
        if (candidacy is null || campaign is null) throw new RuleViolation(SelectionRules.CandidateNotFound);
        if (candidacy.Decided) throw new RuleViolation(SelectionRules.AlreadyDecided);
        SelectionText.Check(("reason", c.Reason, SelectionText.ReasonLength));
        if (!campaign.NoticeOver(now)) throw new RuleViolation(SelectionRules.NoticePeriodNotOver);
        if (candidacy.Objections.Any(o => o.Outcome is null)) throw new RuleViolation(SelectionRules.ObjectionUnresolved);
        if (c.Decision == SelectionDecision.Decline)
            return string.IsNullOrWhiteSpace(c.Reason) ? throw new RuleViolation(SelectionRules.DeclineReasonRequired)
                : new Dictionary<Guid, object[]> { [candidacy.Id] = [new CandidateDeclined(c.ApplicationId, campaign.Id, c.Reason.Trim(), c.By, now)] };
        if (SiteVisit.Required(candidacy.Category, visit) && visit?.Report is null) throw new RuleViolation(SelectionRules.VisitReportRequired);
        return new Dictionary<Guid, object[]>
        {
            [candidacy.Id] = [new CandidateSelected(c.ApplicationId, campaign.Id, string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(), c.By, now)],
            [FinalList.IdFor(campaign.Id)] = [new DemonstrationAddedToFinalList(campaign.Id, campaign.Year, campaign.Batch, c.ApplicationId,
                candidacy.Category, candidacy.Class, candidacy.ServiceMode, candidacy.OrganisationName, candidacy.CreditCode, candidacy.AuthorityCode, now)],
        };
    }
}
