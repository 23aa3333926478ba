using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;
using ServiceManufacturing.Tests.TestSupport.Hostile;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Runs alone: the check that a refusal stores nothing counts every event of the service's store.</summary>
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

[Collection(nameof(HostileInputTests))]
public class HostileInputTests(RegistrationApp app, ITestOutputHelper output) : IClassFixture<RegistrationApp>
{
    /// <summary>Plausible values by field name, so that generated requests get past the first validation.</summary>
    static readonly Dictionary<string, string[]> Hints = new()
    {
        ["creditCode"] = [TestUsers.ShenzhenCreditCode, TestUsers.OtherApplicant.CreditCode!, "91110000600037341X"],
        ["authorityCode"] = ["440300", "130000", "330200", "210200", "999999"],
        ["organisationName"] = ["深圳某某智能制造有限公司", "天津某某机械有限公司"],
        ["cityName"] = ["宁波市", "石家庄市"],
        ["email"] = ["liming@example.cn"],
        ["phone"] = ["0755-88880000"],
        ["category"] = ["enterprise", "platform", "city"],
        ["status"] = ["draft", "submitted"],
    };

    [Fact]
    public async Task NoGeneratedHostileRequestIsAnswered5xxAndNoRefusalStoresAnything()
    {
        var enterprise = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var city = await app.DraftAsync(TestUsers.CityAuthority, "city", "330200", Forms.City("宁波市"));

        var run = await HostileInput.RunAsync(app, HostileInput.Scaled(3600), seed: 8, Hints, [enterprise.ToString(), city.ToString()]);

        output.WriteLine(run.ToString());
        run.AssertNoFailures();
    }
}
