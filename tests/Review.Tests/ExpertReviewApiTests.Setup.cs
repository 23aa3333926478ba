using System.Text.Json.Nodes;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Review.Experts;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>What the expert review tests start from: applications in the ministry's hands and the experts Review knows.</summary>
public partial class ExpertReviewApiTests
{
    const string RelatedParty = "91310000MA1FL0000Y";

    static CurrentUser ExpertUser(string subject) => new(subject, subject, PlatformRoles.Expert, null, null, null);

    /// <summary>Identity's word on an expert, as its relay publishes it.</summary>
    static ExpertProfileChanged Profile(string subject, string authority, string creditCode, long sequence, string[]? modes = null) =>
        new(subject, $"专家 {subject}", $"单位 {subject}", creditCode, authority, modes ?? ["customization"], ["other"],
            [new DateOnly(2023, 7, 3)], true, DateTimeOffset.UtcNow, sequence);

    /// <summary>
    /// Two Hebei enterprises (the second lists a related party) in the ministry's hands, and the experts Review knows. Each
    /// test's applications and experts have a service mode of their own, so that the tests do not share experts.
    /// </summary>
    async Task<(Guid Campaign, Guid First, Guid Second, string[] Experts)> InTheMinistrysHandsAsync(BrokerProbe<ApplicationReviewStageReached> broker,
        string prefix, string mode)
    {
        var campaign = await app.CampaignAsync(broker);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await broker.PublishAsync(ReviewFlow.Submission(first, campaign, "河北某某装备制造有限公司") with { ServiceMode = mode }, Guid.CreateVersion7());
        await broker.PublishAsync(ReviewFlow.Submission(second, campaign, "河北某某服务型制造有限公司") with { ServiceMode = mode, RelatedParties = [RelatedParty] },
            Guid.CreateVersion7());
        foreach (var id in new[] { first, second }) await Eventually.GetAsync(() => app.CaseAsync(id));
        foreach (var id in new[] { first, second }) await app.PassAndStampAsync(broker, id);
        var hebei = app.ClientFor(TestUsers.HebeiOfficer);
        foreach (var id in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/recommendations", new { applicationId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PutAsync($"/api/v1/packages/summary-table-scan?campaignId={campaign}",
            TestScans.Content(TestScans.Pdf("table")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hebei.PostAsJsonAsync("/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/packages/130000/acknowledgement",
            new { campaignId = campaign })).StatusCode);

        // Four experts elsewhere, one of Hebei, one of the related party (of another expertise): only the first four review.
        string[] experts = [$"{prefix}-beijing", $"{prefix}-shanghai", $"{prefix}-jiangsu", $"{prefix}-guangdong"];
        var sequence = 10;
        foreach (var (subject, authority, code) in new[]
        {
            (experts[0], "110000", "121100004000000119"), (experts[1], "310000", "91310000MA1FL1111X"), (experts[2], "320000", "91320000MA1FL2222X"),
            (experts[3], "440000", "91440000MA1FL3333X"), ($"{prefix}-hebei", "130000", "91130000MA1FL4444X"), ($"{prefix}-related", "500000", RelatedParty),
        })
            await broker.PublishAsync(Profile(subject, authority, code, sequence++, subject.EndsWith("-related") ? ["energySavingEnvironmental"] : [mode]),
                Guid.CreateVersion7(), sequence);
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ExpertProfile>($"{prefix}-related");
        });
        return (campaign, first, second, experts);
    }
}
