using Marten;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Campaigns;

/// <summary>On a new installation, opens the 2023 fifth batch of the notice; afterwards campaigns are the ministry's.</summary>
sealed class CampaignSeeding(IDocumentStore store, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Campaign>().AnyAsync(ct)) return;
        await session.DecideAsync<Campaign>(FifthBatch2023.Id, null,
            // another replica starting at the same moment may have opened it first
            state => state is not null ? [] : CampaignDecider.Decide(FifthBatch2023.Command, state, clock.GetUtcNow()), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
