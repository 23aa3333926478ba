using System.Net.Http.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

/// <summary>
/// Every date Review saves lies between 1949-10-01 and 2100-12-31 (issue 8): a visit, a scheduling window or a public
/// notice far in the future or before the founding is answered 400 naming the field, and nothing is stored.
/// </summary>
public class ImplausibleDateTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    public static TheoryData<string> Dates => ["9999-12-31", "1949-09-30"];

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task AVisitOnAnImplausibleDayIsRefused(string date) =>
        await RefusedAsync("date", () => app.ClientFor(TestUsers.Ministry).PutAsJsonAsync($"/api/v1/site-visits/{Guid.CreateVersion7()}",
            new { date, place = "深圳", team = new[] { "expert-1" } }));

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task AScheduleWindowStartingOnAnImplausibleDayIsRefused(string date) =>
        await RefusedAsync("from", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/site-visits/schedule-proposal",
            new { campaignId = Guid.CreateVersion7(), from = date, to = "2023-09-15" }));

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task AScheduleWindowEndingOnAnImplausibleDayIsRefused(string date) =>
        await RefusedAsync("to", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/site-visits/schedule-proposal",
            new { campaignId = Guid.CreateVersion7(), from = "2023-09-11", to = date }));

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task APublicNoticeStartingOnAnImplausibleDayIsRefused(string date) =>
        await RefusedAsync("starts", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/selection/public-notice",
            new { campaignId = Guid.CreateVersion7(), starts = date, ends = "2023-11-07" }));

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task APublicNoticeEndingOnAnImplausibleDayIsRefused(string date) =>
        await RefusedAsync("ends", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/selection/public-notice",
            new { campaignId = Guid.CreateVersion7(), starts = "2023-11-01", ends = date }));

    async Task RefusedAsync(string field, Func<Task<HttpResponseMessage>> send)
    {
        var before = await app.EventCountAsync();
        await ApiJson.AssertNamesFieldAsync(await send(), field);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
