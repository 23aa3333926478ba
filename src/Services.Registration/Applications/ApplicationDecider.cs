using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.Services.Registration.Applications;

public abstract record ApplicationCommand(Guid ApplicationId);

public sealed record CreateApplicationDraft(
    Guid ApplicationId, ApplicationCategory Category, string OrganisationName, string CreditCode, string AuthorityCode,
    CurrentUser By) : ApplicationCommand(ApplicationId);

public sealed record SubmitApplication(Guid ApplicationId) : ApplicationCommand(ApplicationId);

/// <summary>Decides what an application command means, given the application's state and the time.</summary>
public static class ApplicationDecider
{
    public static object[] Decide(ApplicationCommand command, Application? state, DateTimeOffset now) => command switch
    {
        CreateApplicationDraft { By.Role: PlatformRoles.Applicant, Category: ApplicationCategory.City } =>
            throw new RuleViolation(ApplicationRules.CityFiledByCityAuthority),
        CreateApplicationDraft { By.Role: PlatformRoles.CityAuthority, Category: not ApplicationCategory.City } =>
            throw new RuleViolation(ApplicationRules.CityAuthorityFilesCitiesOnly),
        CreateApplicationDraft { By.Role: PlatformRoles.Applicant } c when c.CreditCode != c.By.CreditCode =>
            throw new RuleViolation(ApplicationRules.OwnOrganisationOnly),
        CreateApplicationDraft c when state is null => [new ApplicationDraftCreated(
            c.ApplicationId, c.By.Subject, c.Category, c.OrganisationName, c.CreditCode, c.AuthorityCode, now)],
        CreateApplicationDraft => throw new RuleViolation(ApplicationRules.AlreadyExists),
        _ when state is null => throw new RuleViolation(ApplicationRules.NotFound),
        SubmitApplication when state.Status == ApplicationStatus.Draft => [new ApplicationSubmitted(
            state.Id, state.Category, state.OrganisationName, state.CreditCode, state.AuthorityCode, now)],
        SubmitApplication => throw new RuleViolation(ApplicationRules.AlreadySubmitted),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown application command."),
    };
}
