using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// The broker drops a message published before any queue is bound to its exchange. On a new installation the services
/// that publish what they seed at start must therefore start after every service that listens for it.
/// </summary>
public class StartOrderTests
{
    [Theory]
    [InlineData("registration", new[] { "review", "evaluation" })] // the seeded campaign
    [InlineData("identity", new[] { "registration", "review", "evaluation" })] // the seeded experts and members
    public async Task AServiceThatPublishesWhatItSeedsStartsAfterEveryServiceThatListens(string seeder, string[] listeners)
    {
        var resource = await ResourceAsync(seeder);
        var awaited = resource.Annotations.OfType<WaitAnnotation>()
            .Where(wait => wait.WaitType == WaitType.WaitUntilHealthy).Select(wait => wait.Resource.Name).ToHashSet();
        Assert.All(listeners, listener => Assert.Contains(listener, awaited));
    }

    [Theory]
    [InlineData("review")]
    [InlineData("evaluation")]
    public async Task AServiceThatSeedsNothingWaitsForNoOtherService(string listener)
    {
        var services = new[] { "registration", "review", "evaluation", "identity", "gateway" };
        var awaited = (await ResourceAsync(listener)).Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name);
        Assert.DoesNotContain(awaited, services.Contains);
    }

    /// <summary>The AppHost's resource named <paramref name="name"/>, from its model only: nothing is started.</summary>
    static async Task<IResource> ResourceAsync(string name)
    {
        var data = Path.Combine(Path.GetTempPath(), $"sm-model-{Guid.NewGuid():N}");
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([
                "--Infrastructure:Mode=local", $"--Infrastructure:DataDirectory={data}",
            ]);
            return builder.Resources.Single(r => r.Name == name);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
