using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

public abstract record ApplicationCommand(Guid ApplicationId);

public sealed record CreateApplicationDraft(
    Guid ApplicationId, ApplicationCategory Category, string OrganisationName, string CreditCode, string AuthorityCode)
    : ApplicationCommand(ApplicationId);

public sealed record SubmitApplication(Guid ApplicationId) : ApplicationCommand(ApplicationId);

/// <summary>Decides what an application command means, given the application's state and the time.</summary>
public static class ApplicationDecider
{
    public static object[] Decide(ApplicationCommand command, Application? state, DateTimeOffset now) => command switch
    {
        CreateApplicationDraft c when state is null =>
            [new ApplicationDraftCreated(c.ApplicationId, c.Category, c.OrganisationName, c.CreditCode, c.AuthorityCode, now)],
        CreateApplicationDraft => throw new RuleViolation(ApplicationRules.AlreadyExists),
        _ when state is null => throw new RuleViolation(ApplicationRules.NotFound),
        SubmitApplication when state.Status == ApplicationStatus.Draft => [new ApplicationSubmitted(
            state.Id, state.Category, state.OrganisationName, state.CreditCode, state.AuthorityCode, now)],
        SubmitApplication => throw new RuleViolation(ApplicationRules.AlreadySubmitted),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown application command."),
    };
}
