using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// Deadlines through the gateway, on the real clock: the ministry opens a campaign whose deadlines were yesterday
/// (China Standard Time), so that everything is late unless it grants an exception; afterwards a current campaign
/// takes over again for the other tests.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class DeadlineTests(WholeSystem system)
{
    [Fact]
    public async Task APackageAfterTheDeadlineIsRefusedAndPassesUnderTheMinistrysExceptionWithAVerifiableReceipt()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var campaign = await system.OpenCampaignAsync(today.AddDays(-1));
        try
        {
            using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
            // Hubei's applicants were let submit late; its officer screens and recommends after the deadline.
            await GrantAsync(ministry, campaign, "420000", "applications", today.AddDays(7));
            using var hubei = await Screening.OfficerAsync(system, "420000", "officer.420000.late");
            var ids = await Screening.PassedAndStampedAsync(system, hubei, [Screening.Enterprise("420000", "420100", "武汉某某光电装备有限公司")]);

            await ApiJson.AssertProblemAsync(await Api.PostAsync(hubei, "/api/v1/recommendations", new { applicationId = ids[0] }),
                HttpStatusCode.UnprocessableEntity, "recommendation-deadline-passed");
            var scan = TestScans.Content(TestScans.Pdf("Hubei summary table, stamped"));
            Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(hubei, $"/api/v1/packages/summary-table-scan?campaignId={campaign}", scan)).StatusCode);
            await ApiJson.AssertProblemAsync(await Api.PostAsync(hubei, "/api/v1/packages/submission", new { campaignId = campaign }),
                HttpStatusCode.UnprocessableEntity, "recommendation-deadline-passed");

            // The ministry grants Hubei a week (in Registration; Review hears of it as a message).
            await GrantAsync(ministry, campaign, "420000", "recommendations", today.AddDays(7));
            await Screening.Until(async () => (await Api.PostAsync(hubei, "/api/v1/recommendations", new { applicationId = ids[0] })).StatusCode == HttpStatusCode.OK,
                "Review to take Hubei's recommendation under the exception");
            var submitted = await Api.PostAsync(hubei, "/api/v1/packages/submission", new { campaignId = campaign });
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            var receipt = await submitted.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, receipt.GetProperty("entries").GetInt32());

            // The receipt verifies, for Hubei and for the ministry; the same receipt with another hash does not.
            foreach (var reader in new[] { hubei, ministry })
                Assert.True((await (await Api.PostAsync(reader, "/api/v1/packages/receipt-verification", receipt)).Content
                    .ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
            var tampered = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(receipt)!;
            tampered["contentHash"] = JsonSerializer.SerializeToElement(new string('0', 64));
            Assert.False((await (await Api.PostAsync(hubei, "/api/v1/packages/receipt-verification", tampered)).Content
                .ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());

            // Hunan had no exception: its package stays refused.
            using var hunan = await Screening.OfficerAsync(system, "430000", "officer.430000.late");
            await ApiJson.AssertProblemAsync(await Api.PostAsync(hunan, "/api/v1/packages/submission", new { campaignId = campaign }),
                HttpStatusCode.UnprocessableEntity, "recommendation-deadline-passed");
        }
        finally
        {
            await system.OpenCampaignAsync(new DateOnly(today.Year + 1, 12, 31));
        }
    }

    static async Task GrantAsync(HttpClient ministry, Guid campaign, string authority, string deadline, DateOnly until)
    {
        var granted = await Api.PostAsync(ministry, $"/api/v1/campaigns/{campaign}/deadline-exceptions", new
        {
            authorityCode = authority, deadline, until = until.ToString("yyyy-MM-dd"), reason = "系统故障导致报送中断，经部领导批准延期",
        });
        Assert.True(granted.StatusCode == HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
    }
}
