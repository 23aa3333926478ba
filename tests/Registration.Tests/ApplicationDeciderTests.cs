using ApplicationCategory = ServiceManufacturing.Contracts.ApplicationCategory;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public class ApplicationDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
    static readonly CurrentUser Applicant = TestUsers.Applicant;
    static readonly ApplicationDraftCreated Created = new(Id, Applicant.Subject, ApplicationCategory.Enterprise, "某某装备制造股份有限公司",
        "914403001922038216", "440300", Now.AddDays(-3));

    [Fact]
    public void CreatingADraftRecordsWhoAppliesInWhichCategoryThroughWhichAuthority() =>
        Given()
            .When(new CreateApplicationDraft(Id, ApplicationCategory.Enterprise, "某某装备制造股份有限公司", "914403001922038216", "440300", Applicant))
            .Then(new ApplicationDraftCreated(Id, Applicant.Subject, ApplicationCategory.Enterprise, "某某装备制造股份有限公司", "914403001922038216", "440300", Now));

    [Fact]
    public void AnApplicantAppliesOnlyForItsOwnOrganisation() =>
        Given()
            .When(new CreateApplicationDraft(Id, ApplicationCategory.Enterprise, "别人的公司", "91110000600037341L", "110000", Applicant))
            .ThenRefused(ApplicationRules.OwnOrganisationOnly);

    [Fact]
    public void AnEnterpriseCannotFileACityApplication() =>
        Given()
            .When(new CreateApplicationDraft(Id, ApplicationCategory.City, "深圳市", "914403001922038216", "440300", Applicant))
            .ThenRefused(ApplicationRules.CityFiledByCityAuthority);

    [Fact]
    public void ACityAuthorityFilesOnlyItsCitysApplication() =>
        Given()
            .When(new CreateApplicationDraft(Id, ApplicationCategory.Enterprise, "宁波某某公司", "914403001922038216", "330200", TestUsers.CityAuthority))
            .ThenRefused(ApplicationRules.CityAuthorityFilesCitiesOnly);

    [Fact]
    public void CreatingOverAnExistingApplicationIsRefused() =>
        Given(Created)
            .When(new CreateApplicationDraft(Id, ApplicationCategory.Enterprise, "x", "914403001922038216", "440300", Applicant))
            .ThenRefused(ApplicationRules.AlreadyExists);

    [Fact]
    public void SubmittingADraftRecordsWhatWasSubmittedAndWhen() =>
        Given(Created)
            .When(new SubmitApplication(Id))
            .Then(new ApplicationSubmitted(Id, ApplicationCategory.Enterprise, "某某装备制造股份有限公司", "914403001922038216", "440300", Now));

    [Fact]
    public void SubmittingTwiceIsRefused() =>
        Given(Created, new ApplicationSubmitted(Id, Created.Category, Created.OrganisationName, Created.CreditCode, Created.AuthorityCode, Now))
            .When(new SubmitApplication(Id))
            .ThenRefused(ApplicationRules.AlreadySubmitted);

    [Fact]
    public void SubmittingAnApplicationThatDoesNotExistIsRefused() =>
        Given()
            .When(new SubmitApplication(Id))
            .ThenRefused(ApplicationRules.NotFound);

    static Scenario Given(params object[] events) => new(events.Aggregate((Application?)null, Evolve));

    static Application? Evolve(Application? state, object @event) => @event switch
    {
        ApplicationDraftCreated e => Application.Create(e),
        ApplicationSubmitted e => state!.Apply(e),
        _ => throw new ArgumentOutOfRangeException(nameof(@event)),
    };

    sealed record Scenario(Application? State)
    {
        public Outcome When(ApplicationCommand command) => new(() => ApplicationDecider.Decide(command, State, Now));
    }

    sealed record Outcome(Func<object[]> Decide)
    {
        public void Then(params object[] expected) => Assert.Equal(expected, Decide());

        public void ThenRefused(Rule rule) => Assert.Equal(rule, Assert.Throws<RuleViolation>(() => Decide()).Rule);
    }
}
