using ServiceManufacturing.Contracts;
using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;
using ServiceManufacturing.Tests.TestSupport.Hostile;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Runs alone: the check that a refusal stores nothing counts every event of the service's store.</summary>
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

[Collection(nameof(HostileInputTests))]
public class HostileInputTests(ReviewApp app, ITestOutputHelper output) : IClassFixture<ReviewApp>
{
    /// <summary>Plausible values by field name, so that generated requests get past the first validation.</summary>
    static readonly Dictionary<string, string[]> Hints = new()
    {
        ["authorityCode"] = ["130000", "440300", "330200", "210200", "999999"],
        ["decision"] = ["pass", "reject", "return"],
        ["kind"] = ["enterprises", "sharedManufacturingPlatforms", "otherPlatforms", "cities"],
        ["category"] = ["enterprise", "platform", "city"],
        ["status"] = ["awaitingInitialReview", "passed"],
        ["sort"] = ["submittedAt", "organisationName"],
    };

    [Fact]
    public async Task NoGeneratedHostileRequestIsAnswered5xxAndNoRefusalStoresAnything()
    {
        await using var broker = await BrokerProbe<RecommendationPackageStageReached>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var hebei = await app.SubmittedAsync(broker, campaign, "河北某某装备有限公司");
        var shenzhen = await app.SubmittedAsync(broker, campaign, "深圳某某智能制造有限公司", authority: "440300");
        await app.PassAndStampAsync(broker, hebei);

        var run = await HostileInput.RunAsync(app, HostileInput.Scaled(2900), seed: 8, Hints,
            [campaign.ToString(), hebei.ToString(), shenzhen.ToString()]);

        output.WriteLine(run.ToString());
        run.AssertNoFailures();
    }
}
