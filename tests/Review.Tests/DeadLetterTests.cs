using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>Review whose message map cannot write the message of some applications' decisions, until it is mended.</summary>
public sealed class PoisonedReviewApp() : ServiceFactory<Program>("reviewdb", "review")
{
    /// <summary>The applications whose stage messages cannot be serialized while the map is broken.</summary>
    public HashSet<Guid> Poisoned { get; } = [];

    public bool Mended { get; set; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Relay:PoisonAttempts", "2")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IIntegrationEventMap));
            services.Remove(real);
            services.AddSingleton<IIntegrationEventMap>(provider => new BreakableMap(
                (IIntegrationEventMap)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), this));
        });
    }

    sealed class BreakableMap(IIntegrationEventMap real, PoisonedReviewApp app) : IIntegrationEventMap
    {
        public object? ToMessage(JasperFx.Events.IEvent @event) => real.ToMessage(@event) switch
        {
            ApplicationReviewStageReached m when !app.Mended && app.Poisoned.Contains(m.ApplicationId) => new Unwritable(m.ApplicationId),
            var message => message,
        };
    }
}

/// <summary>A message whose serialization always fails.</summary>
public sealed record Unwritable(Guid ApplicationId)
{
    public string Content => throw new InvalidOperationException("This message cannot be written.");
}

public class DeadLetterTests(PoisonedReviewApp app) : IClassFixture<PoisonedReviewApp>
{
    [Fact]
    public async Task AMessageThatCanNeverBePublishedIsDeadLetteredLaterOnesFlowAndTheOperatorReplaysItOnceMended()
    {
        using var deadLettered = new MeasurementsOf("relay.dead_lettered");
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var poisoned = await OpenedCaseAsync(broker);
        var healthy = await OpenedCaseAsync(broker);
        app.Poisoned.Add(poisoned);

        await PassAsync(poisoned);
        await PassAsync(healthy);

        // The later event is published although the earlier one never can be.
        await broker.WaitForAsync(m => m.ApplicationId == healthy);
        var letter = await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.Query<DeadLetteredEvent>().SingleOrDefaultAsync();
        });
        Assert.Equal((poisoned, 2, "initial_review_passed"), (letter.StreamId, letter.Attempts, letter.EventType));
        Assert.Contains("cannot be written", letter.Error);
        Assert.Equal("Degraded", await app.CreateClient().GetStringAsync("/health"));
        Assert.True(deadLettered.Total >= 1);
        Assert.DoesNotContain(broker.Received, m => m.Message.ApplicationId == poisoned);

        var ministry = app.ClientFor(TestUsers.Ministry);
        var listed = await ministry.GetFromJsonAsync<List<DeadLetteredEvent>>("/api/v1/operations/review/dead-letters", ApiJson.Options);
        Assert.Contains(listed!, d => d.Id == letter.Id);
        await ApiJson.AssertProblemAsync(await ministry.PostAsync($"/api/v1/operations/review/dead-letters/{letter.Id}/replay", null),
            HttpStatusCode.Conflict, DeadLetterRules.StillUnpublishable.Code);

        app.Mended = true;
        var replayed = await ministry.PostAsync($"/api/v1/operations/review/dead-letters/{letter.Id}/replay", null);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        var published = await broker.WaitForAsync(m => m.ApplicationId == poisoned);
        Assert.Equal((letter.Id, ReviewStage.PassedInitialReview), (published.MessageId!.Value, published.Message.Stage));
        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health"));
        await ApiJson.AssertProblemAsync(await ministry.PostAsync($"/api/v1/operations/review/dead-letters/{letter.Id}/replay", null),
            HttpStatusCode.Conflict, DeadLetterRules.AlreadyReplayed.Code);
        Assert.Single(broker.Received, m => m.Message.ApplicationId == poisoned);
    }

    [Fact]
    public async Task AnUnknownDeadLetterIs404() =>
        await ApiJson.AssertProblemAsync(await app.ClientFor(TestUsers.Ministry).PostAsync(
            $"/api/v1/operations/review/dead-letters/{Guid.CreateVersion7()}/replay", null), HttpStatusCode.NotFound, DeadLetterRules.NotFound.Code);

    async Task<Guid> OpenedCaseAsync<T>(BrokerProbe<T> broker) where T : class
    {
        var id = Guid.CreateVersion7();
        await broker.PublishAsync(ReviewFlow.Submission(id, Guid.CreateVersion7(), "河北某某装备制造有限公司"), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ReviewCaseDetails>(id);
        });
        return id;
    }

    async Task PassAsync(Guid id)
    {
        var response = await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What the relay's meter records of one instrument while the test runs.</summary>
    sealed class MeasurementsOf : IDisposable
    {
        readonly MeterListener listener = new();
        long total;

        public MeasurementsOf(string instrument)
        {
            listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == IntegrationEventRelay.ActivitySourceName && i.Name == instrument) l.EnableMeasurementEvents(i);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }
}
