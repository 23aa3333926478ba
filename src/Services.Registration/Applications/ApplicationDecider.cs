using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Services.Registration.Roster;

namespace ServiceManufacturing.Services.Registration.Applications;

public abstract record ApplicationCommand(Guid ApplicationId);

/// <summary>Start a draft in <see cref="Campaign"/>, the campaign taking applications (null: none is).</summary>
public sealed record CreateApplicationDraft(
    Guid ApplicationId, Campaign? Campaign, ApplicationCategory Category, string OrganisationName, string CreditCode,
    string AuthorityCode, CurrentUser By) : ApplicationCommand(ApplicationId);

public sealed record SaveApplicationForm(Guid ApplicationId, ApplicationForm Form) : ApplicationCommand(ApplicationId);

/// <summary>
/// Submit to the authority. What the decider cannot know from the stream comes with the command: the campaign,
/// whether the city already is a demonstration city, whether the authority (a separately planned city) already has a
/// city application, and the content hash of what is submitted.
/// </summary>
public sealed record SubmitApplication(
    Guid ApplicationId, Campaign Campaign, bool CityIsEarlierDemonstration, bool AuthorityHasCityApplication, string ContentHash)
    : ApplicationCommand(ApplicationId);

/// <summary>Record the stamped scan (already stored) of an application that passed initial review.</summary>
public sealed record UploadStampedForm(Guid ApplicationId, Guid DocumentId, string ContentType, long Length, string Sha256)
    : ApplicationCommand(ApplicationId);

public sealed record WithdrawApplication(Guid ApplicationId, string? Reason) : ApplicationCommand(ApplicationId);

public sealed record ReportReviewStage(
    Guid ApplicationId, ReviewStage Stage, string? Reason, Guid MessageId, DateTimeOffset At, long ReviewSequence)
    : ApplicationCommand(ApplicationId);

/// <summary>Decides what an application command means, given the application's state and the time.</summary>
public static class ApplicationDecider
{
    public static object[] Decide(ApplicationCommand command, Application? state, DateTimeOffset now) => command switch
    {
        CreateApplicationDraft c => Create(c, state, now),
        _ when state is null => throw new RuleViolation(ApplicationRules.NotFound),
        SaveApplicationForm c => Save(c, state, now),
        SubmitApplication c => Submit(c, state, now),
        UploadStampedForm c when state.Status is ApplicationStatus.PassedInitialReview or ApplicationStatus.StampedFormUploaded =>
            [new StampedFormUploaded(state.Id, c.DocumentId, c.ContentType, c.Length, c.Sha256, now)],
        UploadStampedForm => throw new RuleViolation(ApplicationRules.StampedFormAfterPassing),
        WithdrawApplication c when state.Status == ApplicationStatus.Submitted => [new ApplicationWithdrawn(state.Id, c.Reason, now)],
        WithdrawApplication => throw new RuleViolation(ApplicationRules.CannotWithdraw),
        ReportReviewStage c => [new ReviewStageReported(state.Id, c.Stage, c.Reason, c.MessageId, c.At, c.ReviewSequence)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown application command."),
    };

    static object[] Create(CreateApplicationDraft c, Application? state, DateTimeOffset now)
    {
        if (state is not null) throw new RuleViolation(ApplicationRules.AlreadyExists);
        if (c.Campaign is not { TakesApplications: true }) throw new RuleViolation(ApplicationRules.NoOpenCampaign);
        if (c.By.Is(PlatformRoles.Applicant) && c.Category == ApplicationCategory.City)
            throw new RuleViolation(ApplicationRules.CityFiledByCityAuthority);
        if (c.By.Is(PlatformRoles.CityAuthority) && c.Category != ApplicationCategory.City)
            throw new RuleViolation(ApplicationRules.CityAuthorityFilesCitiesOnly);
        if (c.By.Is(PlatformRoles.Applicant) && c.CreditCode != c.By.CreditCode)
            throw new RuleViolation(ApplicationRules.OwnOrganisationOnly);
        if (c.By.Is(PlatformRoles.CityAuthority) && (c.By.City is null || c.AuthorityCode != c.By.AuthorityCode))
            throw new RuleViolation(ApplicationRules.CityAuthorityOwnCity, $"{c.By.City} {c.By.AuthorityCode}");
        if (c.Category != ApplicationCategory.City && Authorities.ForRegistrationDivision(c.CreditCode) is { Count: > 0 } own
            && own.All(a => a.Code != c.AuthorityCode))
            throw new RuleViolation(ApplicationRules.ThroughOwnAuthority, string.Join(", ", own.Select(a => $"{a.NameZh} {a.Code}")));
        if (c.Category == ApplicationCategory.City && Authorities.Find(c.AuthorityCode)?.Type == AuthorityType.Xpcc)
            throw new RuleViolation(ApplicationRules.NoCitiesThroughXpcc);
        // The city's name is the account's too: Ningbo's account cannot file an application named for Shijiazhuang.
        if (c.By.Is(PlatformRoles.CityAuthority) && c.OrganisationName.Trim() != c.By.Name.Trim())
            throw new RuleViolation(ApplicationRules.CityAuthorityOwnCity, c.By.Name);
        return [new ApplicationDraftCreated(c.ApplicationId, c.Campaign.Id, c.By.Subject, c.Category, c.OrganisationName,
            c.CreditCode, c.AuthorityCode, now, c.By.Is(PlatformRoles.Applicant) ? c.By.CreditCode : null,
            c.By.Is(PlatformRoles.CityAuthority) ? c.By.City : null)];
    }

    static object[] Save(SaveApplicationForm c, Application state, DateTimeOffset now)
    {
        if (!state.IsEditable) throw new RuleViolation(ApplicationRules.NotEditable);
        if (state.Category == ApplicationCategory.Enterprise && c.Form.Enterprise?.ServiceMode == ServiceMode.SharedManufacturing)
            throw new RuleViolation(ApplicationRules.SharedManufacturingIsForPlatforms);
        // A city authority's city comes from its account: a form naming another city is refused, one naming none gets it.
        var city = state.Category == ApplicationCategory.City ? c.Form.City : null;
        if (city is not null && state.City is { } own)
        {
            if (city.CityName is { } named && EarlierDemonstration.Normalise(named) != EarlierDemonstration.Normalise(own))
                throw new RuleViolation(ApplicationRules.CityAuthorityOwnCity, own);
            city = city with { CityName = own };
        }
        // Only the section of the application's own category is kept.
        var form = c.Form with
        {
            Enterprise = state.Category == ApplicationCategory.Enterprise ? c.Form.Enterprise : null,
            Platform = state.Category == ApplicationCategory.Platform ? c.Form.Platform : null,
            City = city,
        };
        return [new ApplicationFormSaved(state.Id, form, now)];
    }

    static object[] Submit(SubmitApplication c, Application state, DateTimeOffset now)
    {
        if (!state.IsEditable) throw new RuleViolation(ApplicationRules.AlreadySubmitted);
        var campaign = c.Campaign;
        if (campaign.Id != state.CampaignId || !campaign.TakesApplications) throw new RuleViolation(ApplicationRules.CampaignClosed);
        if (campaign.IsPast(state.AuthorityCode, DeadlineKind.Applications, now)) throw new RuleViolation(ApplicationRules.DeadlinePassed);
        if (FormCompleteness.Missing(state.Category, state.Form) is { Count: > 0 } missing)
            throw new RuleViolation(ApplicationRules.Incomplete, string.Join(", ", missing.Keys), missing);
        if (state.Form.Declarations?.Incidents?.Any(i => i.Date >= campaign.EligibilityWindowStart) == true)
            throw new RuleViolation(ApplicationRules.IncidentInWindow);

        List<string> warnings = [];
        switch (state.Category)
        {
            case ApplicationCategory.Enterprise:
                var latest = state.Form.Enterprise!.Revenues!.MaxBy(r => r.Year)!;
                if (latest.ServiceRevenue < latest.OperatingRevenue * campaign.EnterpriseServiceRevenueShare)
                    warnings.Add(ApplicationRules.ServiceRevenueBelowShare); // in principle 30%: flagged, not refused
                break;
            case ApplicationCategory.Platform
                when state.Form.Platform!.InOperationSince!.Value.AddYears(campaign.PlatformMinimumOperatingYears) > ChinaTime.DayOf(now):
                throw new RuleViolation(ApplicationRules.PlatformTooYoung);
            case ApplicationCategory.City when Authorities.Find(state.AuthorityCode)?.Type == AuthorityType.Xpcc:
                throw new RuleViolation(ApplicationRules.NoCitiesThroughXpcc);
            case ApplicationCategory.City when c.CityIsEarlierDemonstration:
                throw new RuleViolation(ApplicationRules.AlreadyDemonstrationCity);
            case ApplicationCategory.City when c.AuthorityHasCityApplication:
                throw new RuleViolation(ApplicationRules.OneCityPerSeparatelyPlannedCity);
        }
        return [new ApplicationSubmitted(state.Id, state.CampaignId, state.Category, state.OrganisationName, state.CreditCode,
            state.AuthorityCode, state.Form, c.ContentHash, warnings, now)];
    }
}
