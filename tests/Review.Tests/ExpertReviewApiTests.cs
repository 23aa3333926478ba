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

/// <summary>Expert review through Review's API, on the real servers: from the ministry's in-tray to the ranked result.</summary>
public partial class ExpertReviewApiTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    [Fact]
    public async Task AssignedExpertsDeclareScoreAloneAndTheMinistryConcludesWithARankedResult()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var (campaign, first, second, experts) = await InTheMinistrysHandsAsync(broker, "flow", "inspectionTestingCertification");
        var ministry = app.ClientFor(TestUsers.Ministry);
        var auditorClient = app.ClientFor(TestUsers.Auditor);
        await ministry.PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaign}/settings", new { maxLoadPerExpert = 2 });

        // One call assigns the category: three experts each, none conflicted, none over two applications.
        var assigned = await ministry.PostAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/automatic-assignment", null);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var report = (await assigned.Content.ReadFromJsonAsync<AutomaticAssignmentReport>(ApiJson.Options))!;
        Assert.Equal((2, 6), (report.Applications, report.AssignmentsMade));
        Assert.Empty(report.Uncovered);
        var panels = new Dictionary<Guid, ExpertReviewDetails>();
        foreach (var id in new[] { first, second })
        {
            panels[id] = (await ministry.GetFromJsonAsync<ExpertReviewDetails>($"/api/v1/expert-review/applications/{id}", ApiJson.Options))!;
            Assert.Equal(3, panels[id].Experts.Count);
            Assert.All(panels[id].Experts, e => Assert.Contains(e.ExpertSubject, experts));
        }
        Assert.All(experts, e => Assert.InRange(panels.Values.Count(p => p.Experts.Any(x => x.ExpertSubject == e)), 1, 2));
        await broker.WaitForAsync(m => m.ApplicationId == first && m.Stage == ReviewStage.UnderExpertReview);

        // Hand assignments: a conflicted expert and one at his limit are refused.
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{second}/assignments",
            new { expertSubject = "flow-related" }), HttpStatusCode.Conflict, ExpertReviewRules.Conflicted.Code);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/assignments",
            new { expertSubject = "flow-hebei" }), HttpStatusCode.Conflict, ExpertReviewRules.Conflicted.Code);
        var unassigned = experts.Single(e => panels[first].Experts.All(x => x.ExpertSubject != e));
        var onFirst = panels[first].Experts.Select(e => e.ExpertSubject).ToArray();

        // An unassigned expert sees nothing of the application: not its case, its review, its scores, its documents.
        var outsider = app.ClientFor(ExpertUser(unassigned));
        foreach (var path in new[] { $"/api/v1/review-cases/{first}", $"/api/v1/expert-review/applications/{first}", $"/api/v1/expert-review/applications/{first}/scores" })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/document-links", new { document = "form" })).StatusCode);

        // An assigned expert sees the application in his list, but opens nothing before declaring.
        var reader = app.ClientFor(ExpertUser(onFirst[0]));
        var mine = (await reader.GetFromJsonAsync<List<ExpertAssignment>>("/api/v1/expert-review/my-assignments", ApiJson.Options))!;
        Assert.Contains(mine, a => a.ApplicationId == first && !a.DeclaredNoConflict);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/review-cases/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/document-links", new { document = "stamped-form" })).StatusCode);
        var tooLong = await ApiJson.AssertProblemAsync(await reader.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration",
            new { hasConflict = true, reason = new string('冲', 1001) }), HttpStatusCode.BadRequest, ServiceManufacturing.ServiceDefaults.Http.PlatformRules.Validation.Code);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration", new { hasConflict = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/review-cases/{first}")).StatusCode);
        var link = (await (await reader.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/document-links", new { document = "stamped-form" }))
            .Content.ReadFromJsonAsync<DocumentLink>(ApiJson.Options))!;
        Assert.StartsWith($"/api/v1/applications/{first}/signed-documents/stamped-form?expires=", link.Url);
        // The link is signed for him: Registration serves it to him alone.
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://gateway"), link.Url).Query);
        Assert.Equal(onFirst[0], query["subject"]);
        var links = app.Services.GetRequiredService<ServiceManufacturing.ServiceDefaults.Documents.DocumentLinks>();
        Assert.True(links.Valid(first, "stamped-form", onFirst[0], long.Parse(query["expires"]!), query["signature"]));
        Assert.False(links.Valid(first, "stamped-form", unassigned, long.Parse(query["expires"]!), query["signature"]));

        // He cannot read the others' scores until he has submitted his own.
        await ApiJson.AssertProblemAsync(await reader.GetAsync($"/api/v1/expert-review/applications/{first}/scores"), HttpStatusCode.Forbidden,
            ExpertReviewRules.OwnScoresFirst.Code);
        await ApiJson.AssertProblemAsync(await reader.PutAsJsonAsync($"/api/v1/expert-review/applications/{first}/my-scores",
            new { scores = new[] { new { criterion = "serviceMode", score = 8 } } }), HttpStatusCode.BadRequest, ServiceManufacturing.ServiceDefaults.Http.PlatformRules.Validation.Code);
        var criteria = ExpertReviewSettings.DefaultSheets[0].Criteria;
        foreach (var (subject, score) in onFirst.Zip(new[] { 9m, 8m, 6m }))
        {
            var expert = app.ClientFor(ExpertUser(subject));
            if (subject != onFirst[0])
                Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration", new { hasConflict = false })).StatusCode);
            var own = await expert.PutAsJsonAsync($"/api/v1/expert-review/applications/{first}/my-scores",
                new { scores = criteria.Select(c => new { criterion = c.Code, score }), comment = "独立评分" });
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            var seen = (await own.Content.ReadFromJsonAsync<ExpertReviewDetails>(ApiJson.Options))!;
            Assert.Contains(seen.Scores, s => s.ExpertSubject == subject);
        }
        var all = (await reader.GetFromJsonAsync<List<ExpertScores>>($"/api/v1/expert-review/applications/{first}/scores", ApiJson.Options))!;
        Assert.Equal([90m, 80m, 60m], all.Select(s => s.Total).Order().Reverse());
        var view = (await ministry.GetFromJsonAsync<ExpertReviewDetails>($"/api/v1/expert-review/applications/{first}", ApiJson.Options))!;
        Assert.Equal((30m, true), (view.ScoreSpread, view.SpreadFlagged));

        // Scores exist: the enterprise sheet no longer changes, and the load limit cannot go below the two an expert carries.
        var reweighed = ExpertReviewSettings.DefaultSheets[0] with { PassTotal = 60 };
        await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaign}/settings", new { sheets = new[] { reweighed } }, ApiJson.Options),
            HttpStatusCode.Conflict, ExpertReviewRules.SheetFrozen.Code);
        await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaign}/settings", new { maxLoadPerExpert = 1 }),
            HttpStatusCode.Conflict, ExpertReviewRules.LoadBelowCarried.Code);
        var unchanged = (await ministry.GetFromJsonAsync<ExpertReviewSettings>($"/api/v1/expert-review/campaigns/{campaign}/settings", ApiJson.Options))!;
        Assert.Equal((2, 70m), (unchanged.MaxLoadPerExpert, unchanged.SheetFor(ApplicationCategory.Enterprise).PassTotal));

        // On the second application, one expert declares a conflict: he is unassigned and sees nothing more of it.
        var declaring = app.ClientFor(ExpertUser(panels[second].Experts[0].ExpertSubject));
        Assert.Equal(HttpStatusCode.NoContent, (await declaring.PostAsJsonAsync($"/api/v1/expert-review/applications/{second}/declaration",
            new { hasConflict = true, reason = "曾为该企业提供咨询" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await declaring.GetAsync($"/api/v1/expert-review/applications/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await declaring.PostAsJsonAsync($"/api/v1/expert-review/applications/{second}/declaration", new { hasConflict = false })).StatusCode);

        // The ministry records the consensus; the case knows it passed; the ranked result lists it, and exports with Chinese headers.
        var rankedBefore = await ministry.GetStringAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/ranking");
        var beforeConsensus = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var consensus = await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/consensus",
            new { scores = criteria.Select(c => new { criterion = c.Code, score = 8 }), comment = "模式特色鲜明，转型成效显著。" });
        Assert.Equal(HttpStatusCode.OK, consensus.StatusCode);
        Assert.True((await app.CaseAsync(first))!.ExpertReviewPassed);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{second}/consensus",
            new { scores = criteria.Select(c => new { criterion = c.Code, score = 8 }), comment = "过早" }), HttpStatusCode.Conflict,
            ExpertReviewRules.ConsensusNeedsEveryScore.Code);
        var ranked = (await ministry.GetFromJsonAsync<List<RankedApplication>>(
            $"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/ranking", ApiJson.Options))!;
        Assert.Equal((1, first, 80m, true, RankPlacement.First, "serviceMode"),
            ranked.Select(r => (r.Rank, r.ApplicationId, r.Total, r.Passed, r.PlacedBy, r.TieBreakCriterion)).Single());
        // As of an instant, from the panels' and cases' events: what the ranking answered then, and what it answers now.
        var rankingAsOf = $"/api/v1/audit/review/campaigns/{campaign}/categories/enterprise/ranking/as-of?at=";
        Assert.Equal(JsonNode.Parse(rankedBefore)!.ToJsonString(),
            JsonNode.Parse(await auditorClient.GetStringAsync(rankingAsOf + Uri.EscapeDataString(beforeConsensus.ToString("O"))))!.ToJsonString());
        var rankedWithFirst = await ministry.GetStringAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/ranking");
        var beforeWithdrawal = DateTimeOffset.UtcNow;
        Assert.Equal(JsonNode.Parse(rankedWithFirst)!.ToJsonString(),
            JsonNode.Parse(await auditorClient.GetStringAsync(rankingAsOf + Uri.EscapeDataString(beforeWithdrawal.ToString("O"))))!.ToJsonString());
        var table = await ministry.GetAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/ranking-table");
        using (var sheet = SpreadsheetDocument.Open(await table.Content.ReadAsStreamAsync(), false))
        {
            var text = string.Join("|", sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text));
            Assert.Contains("名次|申报单位名称|推荐单位|合议总分", text);
            Assert.Contains("河北某某装备制造有限公司", text);
        }
        var progress = (await ministry.GetFromJsonAsync<List<CategoryProgress>>($"/api/v1/expert-review/campaigns/{campaign}/progress", ApiJson.Options))!;
        Assert.Equal(new CategoryProgress(ApplicationCategory.Enterprise, 2, 1, 1, 1, 1), progress.Single(p => p.Category == ApplicationCategory.Enterprise));

        // The applicant withdraws afterwards: the ranking leaves it out now, and as of before the withdrawal still shows
        // what it answered then (the candidates then, not now).
        await Task.Delay(50);
        await broker.PublishAsync(new ApplicationWithdrawn(first, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () => (await ministry.GetFromJsonAsync<List<RankedApplication>>(
            $"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/ranking", ApiJson.Options))! is [] ? "left" : null);
        Assert.Equal(JsonNode.Parse(rankedWithFirst)!.ToJsonString(),
            JsonNode.Parse(await auditorClient.GetStringAsync(rankingAsOf + Uri.EscapeDataString(beforeWithdrawal.ToString("O"))))!.ToJsonString());
        Assert.Equal("[]", JsonNode.Parse(await auditorClient.GetStringAsync(rankingAsOf + Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))))!.ToJsonString());
    }

    [Fact]
    public async Task ARemovedExpertStaysOutOfAutomaticRunsAndAssignedAgainByHandDeclaresAgainAndScoresTowardsTheConsensus()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var (campaign, first, _, experts) = await InTheMinistrysHandsAsync(broker, "again", "fullLifeCycleManagement");
        var ministry = app.ClientFor(TestUsers.Ministry);
        var automatic = $"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/automatic-assignment";
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsync(automatic, null)).StatusCode);
        var panel = (await ministry.GetFromJsonAsync<ExpertReviewDetails>($"/api/v1/expert-review/applications/{first}", ApiJson.Options))!;
        var removed = panel.Experts[0].ExpertSubject;
        var returning = app.ClientFor(ExpertUser(removed));
        Assert.Equal(HttpStatusCode.OK, (await returning.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration", new { hasConflict = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ministry.DeleteAsync($"/api/v1/expert-review/applications/{first}/assignments/{removed}")).StatusCode);

        // The next automatic run fills the gap with another expert, not the one the officer removed.
        // (The run covers the whole category: other applications may take assignments too, so only this one's panel is checked.)
        var report = (await (await ministry.PostAsync(automatic, null)).Content.ReadFromJsonAsync<AutomaticAssignmentReport>(ApiJson.Options))!;
        Assert.True(report.AssignmentsMade >= 1, $"{report.AssignmentsMade} assignments made");
        panel = (await ministry.GetFromJsonAsync<ExpertReviewDetails>($"/api/v1/expert-review/applications/{first}", ApiJson.Options))!;
        Assert.Equal(3, panel.Experts.Count);
        Assert.DoesNotContain(panel.Experts, e => e.ExpertSubject == removed);

        // Assigned again by hand, his old declaration does not count: he sees nothing until he declares again, and then may.
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/assignments",
            new { expertSubject = removed })).StatusCode);
        var mine = (await returning.GetFromJsonAsync<List<ExpertAssignment>>("/api/v1/expert-review/my-assignments", ApiJson.Options))!;
        Assert.False(mine.Single(a => a.ApplicationId == first).DeclaredNoConflict);
        Assert.Equal(HttpStatusCode.NotFound, (await returning.GetAsync($"/api/v1/expert-review/applications/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await returning.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration", new { hasConflict = false })).StatusCode);

        // All four score, and the consensus is recorded.
        var criteria = ExpertReviewSettings.DefaultSheets[0].Criteria;
        foreach (var subject in panel.Experts.Select(e => e.ExpertSubject).Append(removed))
        {
            var expert = app.ClientFor(ExpertUser(subject));
            if (subject != removed)
                Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/declaration", new { hasConflict = false })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await expert.PutAsJsonAsync($"/api/v1/expert-review/applications/{first}/my-scores",
                new { scores = criteria.Select(c => new { criterion = c.Code, score = 8 }) })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{first}/consensus",
            new { scores = criteria.Select(c => new { criterion = c.Code, score = 8 }), comment = "一致同意。" })).StatusCode);
        Assert.Contains(experts, e => e == removed);
    }

    [Fact]
    public async Task AnExpertAtHisLimitIsNotAssignedByHandAndWhatCannotBeCoveredIsReported()
    {
        await using var broker = await BrokerProbe<ApplicationReviewStageReached>.StartAsync(app);
        var (campaign, first, second, experts) = await InTheMinistrysHandsAsync(broker, "limit", "productiveFinancial");
        var ministry = app.ClientFor(TestUsers.Ministry);
        Assert.Equal(HttpStatusCode.OK, (await ministry.PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaign}/settings", new { maxLoadPerExpert = 1 })).StatusCode);
        await ApiJson.AssertProblemAsync(await ministry.PutAsJsonAsync($"/api/v1/expert-review/campaigns/{campaign}/settings", new { expertsPerApplication = 1 }),
            HttpStatusCode.BadRequest, ServiceManufacturing.ServiceDefaults.Http.PlatformRules.Validation.Code);

        var report = (await (await ministry.PostAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/enterprise/automatic-assignment", null))
            .Content.ReadFromJsonAsync<AutomaticAssignmentReport>(ApiJson.Options))!;
        Assert.Equal(4, report.AssignmentsMade);
        var shortOne = Assert.Single(report.Uncovered);
        Assert.Equal((1, 2), (shortOne.Assigned, shortOne.Missing));

        var covered = (await ministry.GetFromJsonAsync<ExpertReviewDetails>($"/api/v1/expert-review/applications/{(shortOne.ApplicationId == first ? second : first)}", ApiJson.Options))!;
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{shortOne.ApplicationId}/assignments",
            new { expertSubject = covered.Experts[0].ExpertSubject }), HttpStatusCode.Conflict, ExpertReviewRules.OverLoad.Code);
        await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/expert-review/applications/{Guid.CreateVersion7()}/assignments",
            new { expertSubject = experts[0] }), HttpStatusCode.NotFound, ExpertReviewRules.ApplicationNotFound.Code);
        await ApiJson.AssertProblemAsync(await ministry.PostAsync($"/api/v1/expert-review/campaigns/{campaign}/categories/nonsense/automatic-assignment", null),
            HttpStatusCode.BadRequest, ServiceManufacturing.ServiceDefaults.Http.PlatformRules.Validation.Code);
    }
}
