using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;
using ServiceManufacturing.Tests.TestSupport.Hostile;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>Runs alone: the check that a refusal stores nothing counts every event of the service's store.</summary>
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

[Collection(nameof(HostileInputTests))]
public class HostileInputTests(EvaluationApp app, ITestOutputHelper output) : IClassFixture<EvaluationApp>
{
    /// <summary>Plausible values by field name, so that generated requests get past the first validation.</summary>
    static readonly Dictionary<string, string[]> Hints = new()
    {
        ["creditCode"] = [TestUsers.ShenzhenCreditCode, TestUsers.OtherApplicant.CreditCode!, "91110000600037341X"],
        ["authorityCode"] = ["440300", "130000", "330200"],
        ["category"] = ["enterprise", "platform", "city"],
        ["organisationName"] = ["深圳某某智能制造有限公司"],
    };

    [Fact]
    public async Task NoGeneratedHostileRequestIsAnswered5xxAndNoRefusalStoresAnything()
    {
        var run = await HostileInput.RunAsync(app, HostileInput.Scaled(1500), seed: 8, Hints);

        output.WriteLine(run.ToString());
        run.AssertNoFailures();
    }
}
