using System.Net;
using System.Text.Json;
using Marten;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Review.ReviewCases;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Review;

public class ProjectionRebuildTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task ReviewCasesRebuiltFromTheirEventsAreTheCasesAsTheyWere()
    {
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        var campaign = await app.CampaignAsync(broker);
        var passed = await app.SubmittedAsync(broker, campaign, "河北某某重建甲有限公司");
        await app.SubmittedAsync(broker, campaign, "河北某某重建乙有限公司");
        await app.PassAndStampAsync(broker, passed);
        var live = await CasesJsonAsync();
        Assert.Contains("\"stampedFormSha256\":\"dddd", live);

        // Dropped first (one case gone, another corrupted), so that a rebuild that did nothing would fail.
        await using (var superuser = await app.SuperuserAsync())
        {
            await using var drop = new NpgsqlCommand("delete from mt_doc_reviewcasedetails where id = $1", superuser)
                { Parameters = { new() { Value = passed } } };
            Assert.Equal(1, await drop.ExecuteNonQueryAsync());
            await using var corrupt = new NpgsqlCommand(
                "update mt_doc_reviewcasedetails set data = jsonb_set(data, '{organisationName}', '\"篡改\"')", superuser);
            await corrupt.ExecuteNonQueryAsync();
        }
        Assert.NotEqual(live, await CasesJsonAsync());

        var rebuilt = await AuditProbe.RebuildAsync(app.ClientFor(TestUsers.Ministry), "review", "ReviewCaseDetails");

        Assert.Equal((ProjectionRebuildStatus.Succeeded, null), (rebuilt.State, rebuilt.Error));
        Assert.Equal(live, await CasesJsonAsync());
    }

    async Task<string> CasesJsonAsync()
    {
        await using var session = app.Store.QuerySession();
        var all = await session.Query<ReviewCaseDetails>().OrderBy(d => d.Id).ToListAsync();
        return JsonSerializer.Serialize(all, ApiJson.Options);
    }
}
