using ApplicationCategory = ServiceManufacturing.Contracts.ApplicationCategory;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Evaluation.Demonstrations;

namespace ServiceManufacturing.Tests.Evaluation;

public class DemonstrationDeciderTests
{
    static readonly Guid Id = Guid.CreateVersion7();
    static readonly DateTimeOffset Now = new(2023, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ADemonstrationOfBatchesOneToFourJoinsTheRoster(int batch) =>
        Assert.Equal(
            [new DemonstrationEnrolled(Id, batch, ApplicationCategory.City, "青岛市", null, "370200", Now)],
            DemonstrationDecider.Decide(new EnrollDemonstration(Id, batch, ApplicationCategory.City, "青岛市", null, "370200"), null, Now));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void ADemonstrationOfAnotherBatchIsRefused(int batch) =>
        Assert.Equal(DemonstrationRules.EarlierBatchesOnly, Assert.Throws<RuleViolation>(() => DemonstrationDecider.Decide(
            new EnrollDemonstration(Id, batch, ApplicationCategory.Enterprise, "x", "914403001922038216", "440300"), null, Now)).Rule);

    [Fact]
    public void EnrollingTheSameDemonstrationTwiceIsRefused() =>
        Assert.Equal(DemonstrationRules.AlreadyEnrolled, Assert.Throws<RuleViolation>(() => DemonstrationDecider.Decide(
            new EnrollDemonstration(Id, 2, ApplicationCategory.City, "青岛市", null, "370200"), new Demonstration(Id, 2), Now)).Rule);
}
