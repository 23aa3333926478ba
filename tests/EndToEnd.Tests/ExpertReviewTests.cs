using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// Expert review through the gateway: the ministry assigns a whole category at once, and each expert sees only what he
/// may: nothing of an application he is conflicted with, and no one else's scores before he has submitted his own.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class ExpertReviewTests(WholeSystem system)
{
    const string Password = "Expert-Password-2023";
    const int Limit = 3;

    [Fact]
    public async Task AutomaticAssignmentCoversTheCategoryWithThreeUnconflictedExpertsAndEachExpertSeesOnlyWhatHeMay()
    {
        try
        {
            // Three Shanxi enterprises reach the ministry: passed, stamped, recommended, packaged, acknowledged.
            using var shanxi = await Screening.OfficerAsync(system, "140000", "e2e.officer.shanxi");
            var ids = await Screening.PassedAndStampedAsync(system, shanxi,
                Enumerable.Range(1, 3).Select(i => Screening.Enterprise("140000", "140100", $"太原某某装备制造有限公司{i}")));
            foreach (var id in ids)
                Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(shanxi, "/api/v1/recommendations", new { applicationId = id })).StatusCode);
            var campaign = (await Api.GetJsonAsync(shanxi, $"/api/v1/review-cases/{ids[0]}")).GetProperty("campaignId").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(shanxi, $"/api/v1/packages/summary-table-scan?campaignId={campaign}",
                TestScans.Content(TestScans.Pdf("Shanxi summary table")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(shanxi, "/api/v1/packages/submission", new { campaignId = campaign })).StatusCode);
            using var ministry = await system.ClientAsync("ministry-admin", "Ministry-Admin-2023");
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, "/api/v1/packages/140000/acknowledgement", new { campaignId = campaign })).StatusCode);

            // The ministry adds four experts of other provinces and one of Shanxi to the pool (the development pool is there too).
            var run = Guid.NewGuid().ToString("N")[..6];
            var experts = new Dictionary<string, string>(); // account -> user name
            string? shanxiExpert = null;
            foreach (var (authority, i) in new[] { "110000", "310000", "320000", "440000", "140000" }.Select((a, i) => (a, i)))
            {
                var userName = $"e2e.expert.{run}.{i}";
                var head = $"12{authority}4{Random.Shared.Next(10_000_000):0000000}{i}";
                var created = await Api.PostAsync(ministry, "/api/v1/experts", new
                {
                    userName, password = Password,
                    profile = new
                    {
                        name = $"专家{i}", organisation = $"某某研究院{i}", creditCode = head + CreditCode.CheckCharacter(head), authorityCode = authority,
                        serviceModes = new[] { "fullLifeCycleManagement" }, cityClasses = Array.Empty<string>(), availableDates = new[] { "2023-07-03" },
                    },
                });
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                var account = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString()!;
                if (authority == "140000") shanxiExpert = account; else experts[account] = userName;
            }
            Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(ministry, new HttpRequestMessage(HttpMethod.Put, $"/api/v1/expert-review/campaigns/{campaign}/settings")
            {
                Content = JsonContent.Create(new { expertsPerApplication = 3, maxLoadPerExpert = Limit }),
            })).StatusCode);

            // Once Review has heard of the Shanxi expert, assigning him by hand is refused as a conflict of interest.
            await Screening.Until(async () =>
            {
                var refused = await Api.PostAsync(ministry, $"/api/v1/expert-review/applications/{ids[0]}/assignments", new { expertSubject = shanxiExpert });
                return (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString() == "expert-conflict-of-interest";
            }, "Review to hear of the Shanxi expert");
            var mine = experts.Keys.First();
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(ministry, $"/api/v1/expert-review/applications/{ids[0]}/assignments", new { expertSubject = mine })).StatusCode);

            // One call assigns the whole category: every application gets three experts, none conflicted, none over the limit.
            var report = await Api.PostAsync(ministry, $"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/automatic-assignment", null);
            Assert.True(report.StatusCode == HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
            Assert.Empty((await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uncovered").EnumerateArray());
            var panels = new Dictionary<Guid, string[]>();
            foreach (var id in ids)
            {
                panels[id] = [.. (await Api.GetJsonAsync(ministry, $"/api/v1/expert-review/applications/{id}")).GetProperty("experts").EnumerateArray()
                    .Select(e => e.GetProperty("expertSubject").GetString()!)];
                Assert.Equal(3, panels[id].Length);
                Assert.DoesNotContain(shanxiExpert, panels[id]);
            }
            Assert.All(panels.Values.SelectMany(p => p).GroupBy(e => e), g => Assert.InRange(g.Count(), 1, Limit));

            // The Shanxi expert, conflicted, gets 404 for the application, its documents and its scores.
            using var conflicted = await system.ClientAsync($"e2e.expert.{run}.4", Password);
            foreach (var path in new[] { $"/api/v1/review-cases/{ids[0]}", $"/api/v1/expert-review/applications/{ids[0]}", $"/api/v1/expert-review/applications/{ids[0]}/scores" })
                Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(conflicted, path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(conflicted, $"/api/v1/expert-review/applications/{ids[0]}/document-links", new { document = "stamped-form" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(conflicted, $"/api/v1/expert-review/applications/{ids[0]}/declaration", new { hasConflict = false })).StatusCode);

            // The assigned expert declares, reads the stamped form by its signed link, and scores alone.
            using var reader = await system.ClientAsync(experts[mine], Password);
            Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(reader, $"/api/v1/expert-review/applications/{ids[0]}/scores")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(reader, $"/api/v1/expert-review/applications/{ids[0]}/declaration", new { hasConflict = false })).StatusCode);
            var link = (await (await Api.PostAsync(reader, $"/api/v1/expert-review/applications/{ids[0]}/document-links", new { document = "stamped-form" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
            var scan = await Api.GetAsync(reader, link);
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
            Assert.Equal("application/pdf", scan.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(reader, link.Replace("signature=", "signature=0"))).StatusCode);
            // The link is his alone: the conflicted expert presenting it learns nothing of the application.
            Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(conflicted, link)).StatusCode);

            var sheet = await Api.GetJsonAsync(reader, $"/api/v1/expert-review/campaigns/{campaign}/settings");
            var criteria = sheet.GetProperty("sheets").EnumerateArray().First(s => s.GetProperty("category").GetString() == "enterprise")
                .GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(reader, $"/api/v1/expert-review/applications/{ids[0]}/scores")).StatusCode);
            var scored = await Api.SendAsync(reader, new HttpRequestMessage(HttpMethod.Put, $"/api/v1/expert-review/applications/{ids[0]}/my-scores")
            {
                Content = JsonContent.Create(new { scores = criteria.Select(c => new { criterion = c, score = 8 }), comment = "独立评分" }),
            });
            Assert.True(scored.StatusCode == HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());

            // A colleague on the same application, declared but not yet scored, cannot read the first expert's scores.
            var colleague = panels[ids[0]].First(e => e != mine);
            var colleagueUser = experts.GetValueOrDefault(colleague)
                ?? (await Api.GetJsonAsync(ministry, $"/api/v1/accounts/{colleague}")).GetProperty("userName").GetString()!;
            using var other = await system.ClientAsync(colleagueUser, experts.ContainsKey(colleague) ? Password : SignIn.DevelopmentPassword);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(other, $"/api/v1/expert-review/applications/{ids[0]}/declaration", new { hasConflict = false })).StatusCode);
            var hidden = await Api.GetAsync(other, $"/api/v1/expert-review/applications/{ids[0]}/scores");
            await ApiJson.AssertProblemAsync(hidden, HttpStatusCode.Forbidden, "expert-own-scores-first");
            var view = await Api.GetJsonAsync(other, $"/api/v1/expert-review/applications/{ids[0]}");
            Assert.Empty(view.GetProperty("scores").EnumerateArray());
            Assert.Single((await Api.GetJsonAsync(reader, $"/api/v1/expert-review/applications/{ids[0]}/scores")).EnumerateArray());
        }
        finally
        {
            // Later tests share the system: they get a campaign of their own, without this test's packages and selections.
            await system.OpenACurrentCampaignAsync();
        }
    }
}
