using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Review.Campaigns;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>What Registration and an officer do before a case can be recommended, as Review sees it.</summary>
public static class ReviewFlow
{
    public static readonly IReadOnlyList<QuotaRow> Quotas =
    [
        new(AuthorityType.Province, 10, 1, 3, 1, 1, 2), new(AuthorityType.AutonomousRegion, 10, 1, 3, 1, 1, 2),
        new(AuthorityType.Municipality, 10, 1, 3, 1, 1, 2), new(AuthorityType.Xpcc, 10, 1, 3, 0, 0, 0),
        new(AuthorityType.SeparatelyPlannedCity, 3, 1, 1, 1, 1, 1),
    ];

    /// <summary>A fifth-batch-like campaign, as Registration publishes it, once Review knows it.</summary>
    public static async Task<Guid> CampaignAsync<T>(this ReviewApp app, BrokerProbe<T> broker) where T : class
    {
        var id = Guid.CreateVersion7();
        await broker.PublishAsync(new CampaignOpened(id, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new DateOnly(2023, 3, 20), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31), new DateOnly(2023, 5, 31)),
            Quotas, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ReviewCampaign>(id);
        });
        return id;
    }

    public static ApplicationSubmitted Submission(Guid id, Guid campaign, string name, long version = 3,
        ApplicationCategory category = ApplicationCategory.Enterprise, string? @class = null, string authority = "130000") => new(id, version, campaign,
        category, @class, "customization", name, "91130000MA0000000X", authority, "赵强", "0311-8666 0000", [], new string('a', 64), DateTimeOffset.UtcNow);

    /// <summary>A submitted application's case, once opened.</summary>
    public static async Task<Guid> SubmittedAsync<T>(this ReviewApp app, BrokerProbe<T> broker, Guid campaign, string name,
        ApplicationCategory category = ApplicationCategory.Enterprise, string? @class = null, string authority = "130000") where T : class
    {
        var id = Guid.CreateVersion7();
        await broker.PublishAsync(Submission(id, campaign, name, category: category, @class: @class, authority: authority), Guid.CreateVersion7());
        await Eventually.GetAsync(() => app.CaseAsync(id));
        return id;
    }

    /// <summary>Passed by its authority's officer (Hebei's unless named), with its stamped form uploaded: ready to be recommended.</summary>
    public static async Task PassAndStampAsync<T>(this ReviewApp app, BrokerProbe<T> broker, Guid id,
        ServiceDefaults.Identity.CurrentUser? officer = null) where T : class
    {
        var decided = await app.ClientFor(officer ?? TestUsers.HebeiOfficer).PostAsJsonAsync($"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await broker.PublishAsync(new StampedFormUploaded(id, new string('d', 64), DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await app.CaseAsync(id))?.StampedFormSha256 is null ? null : "stamped");
    }

    public static async Task<ReviewCaseDetails?> CaseAsync(this ReviewApp app, Guid id)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<ReviewCaseDetails>(id);
    }
}
