using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using ApplicationCategory = ServiceManufacturing.Contracts.ApplicationCategory;
using DeadlineKind = ServiceManufacturing.Contracts.DeadlineKind;
using ReviewStage = ServiceManufacturing.Contracts.ReviewStage;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Tests.TestSupport;
using DeadlineExceptionGranted = ServiceManufacturing.Services.Registration.Campaigns.DeadlineExceptionGranted;

namespace ServiceManufacturing.Tests.Registration;

public partial class ApplicationDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 4, 1, 10, 0, 0, ChinaTime.Offset);
    static readonly Campaign Fifth = Open(FifthBatch2023.Command);
    static readonly CurrentUser Applicant = TestUsers.Applicant;
    static readonly ApplicationDraftCreated Enterprise = Created(ApplicationCategory.Enterprise, "440300");

    // Creating a draft
    [Fact]
    public void ADraftIsCreatedInTheCampaignTakingApplications() =>
        Given().When(Create(ApplicationCategory.Enterprise, "440300")).Then(Enterprise with { CreatedAt = Now });

    [Fact]
    public void WithoutAnOpenCampaignNoDraftIsCreated() =>
        Given().When(Create(ApplicationCategory.Enterprise, "440300") with { Campaign = Fifth with { TakesApplications = false } })
            .ThenRefused(ApplicationRules.NoOpenCampaign);

    [Fact]
    public void AnApplicantAppliesOnlyForItsOwnOrganisation() =>
        Given().When(Create(ApplicationCategory.Enterprise, "110000") with { CreditCode = "91110000600037341L" })
            .ThenRefused(ApplicationRules.OwnOrganisationOnly);

    [Theory]
    [InlineData("914403001922038216", "440000")] // registered in Shenzhen: through Shenzhen, not Guangdong
    [InlineData("91440101MA5CX12346", "440300")] // registered in Guangzhou: through Guangdong, not Shenzhen
    [InlineData("914403001922038216", "110000")]
    public void AnOrganisationAppliesThroughTheAuthorityOfWhereItIsRegistered(string creditCode, string authority) =>
        Given().When(Create(ApplicationCategory.Enterprise, authority) with { CreditCode = creditCode, By = Applicant with { CreditCode = creditCode } })
            .ThenRefused(ApplicationRules.ThroughOwnAuthority);

    [Fact]
    public void AGuangzhouCompanyAppliesThroughGuangdong() =>
        Assert.Single(ApplicationDecider.Decide(Create(ApplicationCategory.Enterprise, "440000") with
        {
            CreditCode = "91440101MA5CX12346", By = Applicant with { CreditCode = "91440101MA5CX12346" },
        }, null, Now));

    [Fact]
    public void AnEnterpriseCannotFileACityApplication() =>
        Given().When(Create(ApplicationCategory.City, "440300")).ThenRefused(ApplicationRules.CityFiledByCityAuthority);

    [Fact]
    public void ACityAuthorityFilesOnlyItsCitysApplication() =>
        Given().When(Create(ApplicationCategory.Enterprise, "330200") with { By = TestUsers.CityAuthority })
            .ThenRefused(ApplicationRules.CityAuthorityFilesCitiesOnly);

    [Fact]
    public void ACityApplicationThroughXpccIsRefused() =>
        Given().When(Create(ApplicationCategory.City, "660000") with { By = TestUsers.CityAuthority with { AuthorityCode = "660000", City = "石河子市" } })
            .ThenRefused(ApplicationRules.NoCitiesThroughXpcc);

    // A city authority files for its own city, through its own authority, as its account says (issue 8, hole 2).
    [Theory]
    [InlineData("130000")] // Ningbo's account filing through Hebei (for Shijiazhuang)
    [InlineData("460000")] // ... or through Hainan (for Haikou)
    public void ACityAuthorityFilesOnlyThroughItsOwnAuthority(string authority) =>
        Given().When(Create(ApplicationCategory.City, authority) with { By = TestUsers.CityAuthority })
            .ThenRefused(ApplicationRules.CityAuthorityOwnCity);

    [Fact]
    public void ACityAuthorityAccountWithoutACityFilesNothing() =>
        Given().When(Create(ApplicationCategory.City, "330200") with { By = TestUsers.CityAuthority with { City = null } })
            .ThenRefused(ApplicationRules.CityAuthorityOwnCity);

    [Fact]
    public void ACityDraftBelongsToItsCityAuthorityAccountAndItsCity() =>
        Given().When(Create(ApplicationCategory.City, "330200") with { By = TestUsers.CityAuthority, OrganisationName = TestUsers.CityAuthority.Name })
            .Then(Created(ApplicationCategory.City, "330200", TestUsers.CityAuthority) with { CreatedAt = Now, OrganisationName = TestUsers.CityAuthority.Name });

    [Theory]
    [InlineData("石家庄市工业和信息化局")] // Ningbo's account, through its own authority, naming Shijiazhuang
    [InlineData("深圳某某智能制造有限公司")]
    public void ACityAuthorityFilesOnlyUnderItsAccountsName(string name) =>
        Given().When(Create(ApplicationCategory.City, "330200") with { By = TestUsers.CityAuthority, OrganisationName = name })
            .ThenRefused(ApplicationRules.CityAuthorityOwnCity);

    [Theory]
    [InlineData("石家庄市")]
    [InlineData("海口市")]
    public void ACityFormNamingAnotherCityIsRefused(string city) =>
        Given(Created(ApplicationCategory.City, "330200", TestUsers.CityAuthority)).When(new SaveApplicationForm(Id, Forms.City(city)))
            .ThenRefused(ApplicationRules.CityAuthorityOwnCity);

    [Fact]
    public void ACityFormNamingNoCityGetsTheAccountsCity() =>
        Given(Created(ApplicationCategory.City, "330200", TestUsers.CityAuthority))
            .When(new SaveApplicationForm(Id, Forms.City(null!)))
            .Then(new ApplicationFormSaved(Id, Forms.City("宁波市"), Now));

    // Editing
    [Fact]
    public void ADraftKeepsOnlyTheSectionOfItsCategory() =>
        Given(Enterprise).When(new SaveApplicationForm(Id, Forms.Enterprise() with { City = Forms.City("深圳市").City }))
            .Then(new ApplicationFormSaved(Id, Forms.Enterprise(), Now));

    [Fact]
    public void SharedManufacturingIsAModeOfPlatformsOnly() =>
        Given(Enterprise).When(new SaveApplicationForm(Id, Forms.Enterprise() with
        {
            Enterprise = Forms.Enterprise().Enterprise! with { ServiceMode = ServiceMode.SharedManufacturing },
        })).ThenRefused(ApplicationRules.SharedManufacturingIsForPlatforms);

    [Fact]
    public void ASubmittedApplicationCannotBeEdited() =>
        Given(Enterprise, Saved(Forms.Enterprise()), Submitted()).When(new SaveApplicationForm(Id, Forms.Enterprise()))
            .ThenRefused(ApplicationRules.NotEditable);

    // Submitting: every eligibility rule
    [Fact]
    public void ACompleteEnterpriseApplicationIsSubmittedWithItsContentHashAndNoWarning() =>
        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit()).Then(Submitted());

    [Fact]
    public void AnIncompleteFormIsRefusedNamingWhatIsMissing()
    {
        var refusal = Assert.Throws<RuleViolation>(() => Given(Enterprise, Saved(Forms.Enterprise() with { Contact = null })).When(Submit()).Decide());
        Assert.Equal(ApplicationRules.Incomplete, refusal.Rule);
        Assert.Contains("contact.name", refusal.Detail);
        Assert.Contains("contact.name", refusal.Errors!.Keys);
    }

    [Fact]
    public void ServiceRevenueUnder30PercentIsAcceptedWithAWarningForReviewers() =>
        Given(Enterprise, Saved(Forms.Enterprise(100_000m, 29_999m))).When(Submit())
            .Then(Submitted(Forms.Enterprise(100_000m, 29_999m), [ApplicationRules.ServiceRevenueBelowShare]));

    [Fact]
    public void AnIncidentOnTheWindowStartMakesTheApplicantIneligible() =>
        Given(Enterprise, Saved(Forms.Enterprise().WithIncident(new DateOnly(2021, 1, 1)))).When(Submit())
            .ThenRefused(ApplicationRules.IncidentInWindow);

    [Fact]
    public void AnIncidentBeforeTheWindowStartDoesNot() =>
        Given(Enterprise, Saved(Forms.Enterprise().WithIncident(new DateOnly(2020, 12, 31)))).When(Submit())
            .Then(Submitted(Forms.Enterprise().WithIncident(new DateOnly(2020, 12, 31))));

    [Fact]
    public void APlatformInOperationForTwoFullYearsOnTheSubmissionDayMayApply() =>
        Given(Created(ApplicationCategory.Platform, "440300"), Saved(Forms.Platform(new DateOnly(2021, 4, 1)))).When(Submit())
            .Then(Submitted(Forms.Platform(new DateOnly(2021, 4, 1)), category: ApplicationCategory.Platform));

    [Fact]
    public void APlatformOneDayShortOfTwoYearsIsRefused() =>
        Given(Created(ApplicationCategory.Platform, "440300"), Saved(Forms.Platform(new DateOnly(2021, 4, 2)))).When(Submit())
            .ThenRefused(ApplicationRules.PlatformTooYoung);

    [Fact]
    public void ACityThatAlreadyIsADemonstrationCityIsRefused() =>
        Given(Created(ApplicationCategory.City, "370200", TestUsers.CityAuthority), Saved(Forms.City("青岛市")))
            .When(Submit() with { CityIsEarlierDemonstration = true }).ThenRefused(ApplicationRules.AlreadyDemonstrationCity);

    [Fact]
    public void ASeparatelyPlannedCityFilesOneCityApplicationOnly() =>
        Given(Created(ApplicationCategory.City, "330200", TestUsers.CityAuthority), Saved(Forms.City("宁波市", CityClass.IndustrialDesign)))
            .When(Submit() with { AuthorityHasCityApplication = true }).ThenRefused(ApplicationRules.OneCityPerSeparatelyPlannedCity);

    [Fact]
    public void ASubmissionAfterTheEndOfTheDeadlineDayInChinaIsRefused() =>
        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit(), at: new DateTimeOffset(2023, 6, 1, 0, 0, 0, ChinaTime.Offset))
            .ThenRefused(ApplicationRules.DeadlinePassed);

    [Fact]
    public void TheLastMinuteOfTheDeadlineDayIsInTime() =>
        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit(), at: new DateTimeOffset(2023, 5, 31, 23, 59, 0, ChinaTime.Offset))
            .Then(Submitted(at: new DateTimeOffset(2023, 5, 31, 23, 59, 0, ChinaTime.Offset)));

    [Fact]
    public void ALateSubmissionPassesUnderTheAuthoritysException()
    {
        var late = new DateTimeOffset(2023, 6, 5, 9, 0, 0, ChinaTime.Offset);
        var excepted = Fifth.Apply(new DeadlineExceptionGranted(Fifth.Id, "440300", DeadlineKind.Applications, new DateOnly(2023, 6, 10),
            "系统故障", "ministry-officer:ministry-1", late));
        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit() with { Campaign = excepted }, at: late).Then(Submitted(at: late));
    }

    [Fact]
    public void AnotherAuthoritysExceptionDoesNotHelp()
    {
        var late = new DateTimeOffset(2023, 6, 5, 9, 0, 0, ChinaTime.Offset);
        var excepted = Fifth.Apply(new DeadlineExceptionGranted(Fifth.Id, "130000", DeadlineKind.Applications, new DateOnly(2023, 6, 10),
            "系统故障", "ministry-officer:ministry-1", late));
        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit() with { Campaign = excepted }, at: late).ThenRefused(ApplicationRules.DeadlinePassed);
    }

    // Helpers: Given(events) / When(command) / Then(events or refusal)
    static Campaign Open(OpenCampaign c) => Campaign.Create(new CampaignOpened(c.CampaignId, c.Year, c.Batch, c.Name,
        c.EligibilityWindowStart, c.PlatformMinimumOperatingYears, c.EnterpriseServiceRevenueShare, c.Deadlines, c.Quotas, Now.AddDays(-30)));

    static ApplicationDraftCreated Created(ApplicationCategory category, string authority, CurrentUser? by = null) =>
        new(Id, Fifth.Id, (by ?? Applicant).Subject, category, "深圳某某智能制造有限公司", "914403001922038216", authority, Now.AddDays(-3),
            (by ?? Applicant).Is(PlatformRoles.Applicant) ? (by ?? Applicant).CreditCode : null,
            (by ?? Applicant).Is(PlatformRoles.CityAuthority) ? (by ?? Applicant).City : null);

    static CreateApplicationDraft Create(ApplicationCategory category, string authority) =>
        new(Id, Fifth, category, "深圳某某智能制造有限公司", "914403001922038216", authority, Applicant);

    static ApplicationFormSaved Saved(ApplicationForm form) => new(Id, form, Now.AddDays(-1));

    static SubmitApplication Submit() => new(Id, Fifth, false, false, "hash");

    static ApplicationSubmitted Submitted(ApplicationForm? form = null, IReadOnlyList<string>? warnings = null,
        ApplicationCategory category = ApplicationCategory.Enterprise, DateTimeOffset? at = null) =>
        new(Id, Fifth.Id, category, "深圳某某智能制造有限公司", "914403001922038216", "440300", form ?? Forms.Enterprise(), "hash", warnings ?? [], at ?? Now);

    static long reviewSequence;

    /// <summary>A stage Review reported; each later in Review's history than the one before, unless <paramref name="sequence"/> says.</summary>
    static ReviewStageReported Reported(ReviewStage stage, long? sequence = null) =>
        new(Id, stage, null, Guid.CreateVersion7(), Now.AddHours(-1), sequence ?? Interlocked.Add(ref reviewSequence, 10));

    static Scenario Given(params object[] events) => new(events.Aggregate((Application?)null, (state, e) => e switch
    {
        ApplicationDraftCreated x => Application.Create(x),
        ApplicationFormSaved x => state!.Apply(x),
        ApplicationSubmitted x => state!.Apply(x),
        ApplicationWithdrawn x => state!.Apply(x),
        ReviewStageReported x => state!.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(events)),
    }));

    sealed record Scenario(Application? State)
    {
        public Outcome When(ApplicationCommand command, DateTimeOffset? at = null) =>
            new(() => ApplicationDecider.Decide(command, State, at ?? Now));
    }

    sealed record Outcome(Func<object[]> Decide)
    {
        public void Then(params object[] expected) => Assert.Equivalent(expected, Decide(), strict: true);

        public void ThenRefused(Rule rule) => Assert.Equal(rule, Assert.Throws<RuleViolation>(() => Decide()).Rule);
    }
}
