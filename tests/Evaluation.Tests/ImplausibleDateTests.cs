using System.Net.Http.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>
/// Every date and year Evaluation saves lies between 1949-10-01 and 2100-12-31 (issue 8): one far in the future or
/// before the founding is answered 400 naming the field, and nothing is stored.
/// </summary>
public class ImplausibleDateTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    public static TheoryData<string> Dates => ["9999-12-31", "1949-09-30"];
    public static TheoryData<int> Years => [9999, 1948];

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task ARectificationDueOutsideThePlausibleRangeIsRefused(string date) =>
        await RefusedAsync("rectificationDue", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync(
            $"/api/v1/demonstrations/{Guid.CreateVersion7()}/outcome", new { outcome = "needsRectification", reasons = "服务收入下降", rectificationDue = date }));

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task AnExplanationsStatusDateOutsideThePlausibleRangeIsRefused(string date) =>
        await RefusedAsync("statusDate", () => app.ClientFor(TestUsers.ShenzhenOfficer).PostAsync(
            $"/api/v1/demonstrations/{Guid.CreateVersion7()}/filing/explanation", new MultipartFormDataContent
            {
                { new StringContent(Guid.CreateVersion7().ToString()), "campaignId" },
                { new StringContent("cancelled"), "status" },
                { new StringContent(date), "statusDate" },
                { new StringContent("企业已注销"), "reason" },
                { TestScans.Content(TestScans.Pdf("Certificate of cancellation")), "document", "cancellation.pdf" },
            }));

    [Theory]
    [MemberData(nameof(Years))]
    public async Task AFilingsYearOutsideThePlausibleRangeIsRefused(int year) =>
        await RefusedAsync("years[0]", () => app.ClientFor(TestUsers.Applicant).PutAsJsonAsync(
            $"/api/v1/demonstrations/{Guid.CreateVersion7()}/filing?campaignId={Guid.CreateVersion7()}", EvaluationFixtures.Draft(year)));

    [Theory]
    [MemberData(nameof(Years))]
    public async Task AnEnrolmentsYearOutsideThePlausibleRangeIsRefused(int year) =>
        await RefusedAsync("year", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 2, category = "enterprise", name = "深圳某某科技有限公司", creditCode = EvaluationFixtures.NewCreditCode(), authorityCode = "440300", year }));

    [Theory]
    [MemberData(nameof(Years))]
    public async Task ACorrectionsYearOutsideThePlausibleRangeIsRefused(int year) =>
        await RefusedAsync("year", () => app.ClientFor(TestUsers.Ministry).PostAsJsonAsync($"/api/v1/demonstrations/{Guid.CreateVersion7()}/correction",
            new { name = "深圳某某科技有限公司", authorityCode = "440300", year }));

    async Task RefusedAsync(string field, Func<Task<HttpResponseMessage>> send)
    {
        var before = await app.EventCountAsync();
        await ApiJson.AssertNamesFieldAsync(await send(), field);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
