using System.Net;
using System.Net.Http.Json;
using Marten;
using DocumentFormat.OpenXml.Packaging;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Services.Review.Selection;
using ServiceManufacturing.Services.Review.Visits;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>What the selection tests start from: recommended and concluded applications, acknowledged packages, available experts.</summary>
public partial class SelectionApiTests
{
    /// <summary>A Hebei enterprise, passed in initial review and recommended by Hebei.</summary>
    async Task<Guid> RecommendedAsync(BrokerProbe<ApplicationReviewStageReached> broker, Guid campaign, string name)
    {
        var id = await app.SubmittedAsync(broker, campaign, name);
        await app.PassAndStampAsync(broker, id);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.HebeiOfficer).PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id })).StatusCode);
        return id;
    }

    /// <summary>Hebei's package submitted and acknowledged: its applications are in the ministry's hands.</summary>
    async Task HebeisPackageAcknowledgedAsync(Guid campaign)
    {
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}",
            TestScans.Content(TestScans.Pdf("table")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/packages/130000/acknowledgement",
            new { campaignId = campaign })).StatusCode);
    }

    async Task ConcludeAsync(Guid id, Guid campaign, bool passed)
    {
        await using var session = app.Store.LightweightSession();
        session.Events.Append(id, new ExpertReviewConcluded(id, campaign, ApplicationCategory.Enterprise, "130000", passed, passed ? 86.5m : 41m, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>A submitted application, passed in initial review, whose expert review concluded with a pass.</summary>
    async Task<Guid> PassedExpertReviewAsync<T>(BrokerProbe<T> broker, Guid campaign, string name, ApplicationCategory category, string? @class,
        string authority) where T : class
    {
        var id = await app.SubmittedAsync(broker, campaign, name, category, @class, authority);
        await using var session = app.Store.LightweightSession();
        session.Events.Append(id, new ExpertReviewConcluded(id, campaign, category, authority, true, 86.5m, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>An expert of <paramref name="authority"/>'s province, as Identity publishes the profile; the expert's user.</summary>
    async Task<CurrentUser> ExpertAsync<T>(BrokerProbe<T> broker, string authority, params DateOnly[] available) where T : class
    {
        var subject = $"expert-{Guid.CreateVersion7():N}";
        await broker.PublishAsync(new ExpertProfileChanged(subject, $"专家{subject[^4..]}", "某某大学", "12100000400000624D", authority, ["customization"],
            ["comprehensive", "industrialDesign"], available, true, DateTimeOffset.UtcNow, 1), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<Services.Review.Experts.ExpertProfile>(subject);
        });
        return TestUsers.Expert with { Subject = subject };
    }
}
