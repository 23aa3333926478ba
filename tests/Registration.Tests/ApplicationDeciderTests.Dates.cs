using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using ApplicationCategory = ServiceManufacturing.Contracts.ApplicationCategory;
using DeadlineKind = ServiceManufacturing.Contracts.DeadlineKind;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;
using DeadlineExceptionGranted = ServiceManufacturing.Services.Registration.Campaigns.DeadlineExceptionGranted;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Dates stored before their range was checked answer a rule, never an overflow.</summary>
public partial class ApplicationDeciderTests
{
    [Fact]
    public void APlatformInOperationSince9999StoredEarlierIsIncompleteAtSubmissionNotAnOverflow() =>
        Given(Created(ApplicationCategory.Platform, "440300"), Saved(Forms.Platform(DateOnly.MaxValue))).When(Submit())
            .ThenRefused(ApplicationRules.Incomplete);

    [Fact]
    public void ADeadlineExceptionUntil9999StoredEarlierMeansNoDeadlineNotAnOverflow()
    {
        var excepted = Fifth.Apply(new DeadlineExceptionGranted(Fifth.Id, "440300", DeadlineKind.Applications, DateOnly.MaxValue,
            "系统故障", "ministry-officer:ministry-1", Now));
        var late = new DateTimeOffset(2030, 1, 1, 9, 0, 0, ChinaTime.Offset);

        Given(Enterprise, Saved(Forms.Enterprise())).When(Submit() with { Campaign = excepted }, at: late).Then(Submitted(at: late));
    }
}
