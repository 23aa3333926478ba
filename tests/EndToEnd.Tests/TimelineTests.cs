using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Tests.TestSupport;
using UglyToad.PdfPig;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// The auditors' timeline through the gateway, composed from every service's history: an application walked through its
/// life (draft, form, submission, Sichuan's initial review, stamped form, recommendation) shows every step in order, with
/// who did it in which role and a summary in Chinese and English; its filters, its XLSX and PDF exports, an authority's
/// and a user's timeline, and the auditor's own reads in the auditor's timeline.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public partial class TimelineTests(WholeSystem system)
{
    const string Authority = "510000";
    const string Timeline = "/api/v1/audit/timeline";

    /// <summary>
    /// The application's own steps, in the order they happened: service, stored event type, and whose act it was (a consumer's
    /// event carries the user whose request caused the message it handles).
    /// </summary>
    static readonly (string Service, string Type, string Actor)[] Steps =
    [
        ("registration", "application_draft_created", "applicant"),
        ("registration", "application_form_saved", "applicant"),
        ("registration", "application_submitted", "applicant"),
        ("review", "review_case_opened", "applicant"),
        ("review", "initial_review_passed", "officer"),
        ("registration", "stamped_form_uploaded", "applicant"),
        ("review", "stamped_form_received", "applicant"),
        ("review", "application_recommended", "officer"),
    ];

    /// <summary>The application walked through its life once per system, and who walked it.</summary>
    sealed record Walk(Guid Application, string Organisation, string Applicant, string Officer, HttpClient Auditor, string AuditorSubject,
        HttpClient ApplicantClient);

    static readonly ConcurrentDictionary<WholeSystem, Lazy<Task<Walk>>> Walks = new();

    Task<Walk> WalkedAsync() => Walks.GetOrAdd(system, s => new(() => WalkAsync(s))).Value;

    [Fact]
    public async Task AnApplicationsTimelineShowsEveryStepInOrderWithItsActorRoleAndBilingualSummary()
    {
        var walk = await WalkedAsync();
        var timeline = await TimelineUntilEveryStepAsync(walk);

        var steps = Steps.Select(step => timeline.First(e => e.Service == step.Service && e.EventType == step.Type)).ToList();
        Assert.Equal(steps.OrderBy(e => e.At).Select(e => e.EventType), steps.Select(e => e.EventType));
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.Id), timeline.Select(e => e.Id));
        foreach (var (step, entry) in Steps.Zip(steps))
        {
            if (step.Actor == "applicant") Assert.Equal((walk.Applicant, "applicant"), (entry.ActorSubject, entry.ActorRole));
            if (step.Actor == "officer") Assert.Equal((walk.Officer, "authority-officer", Authority), (entry.ActorSubject, entry.ActorRole, entry.ActorAuthority));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", entry.SummaryZh);
            Assert.Matches("[A-Za-z]{3,}", entry.SummaryEn);
            Assert.DoesNotContain("undescribed", entry.SummaryEn);
            Assert.False(string.IsNullOrEmpty(entry.CorrelationId), $"{entry.EventType} has no correlation id");
        }
        Assert.Contains(walk.Organisation, steps[0].SummaryZh);
        Assert.Contains(walk.Organisation, steps[^1].SummaryZh);
        // Identity's account events of the users who acted on it are in it too: the applicant's and the officer's sign-ins.
        Assert.Contains(timeline, e => e.Service == "identity" && e.Account == walk.Applicant);
        Assert.Contains(timeline, e => e.Service == "identity" && e.Account == walk.Officer);
    }

    [Fact]
    public async Task TheTimelineIsFilteredByServiceEventTypeActorAndTimeRange()
    {
        var walk = await WalkedAsync();
        var timeline = await TimelineUntilEveryStepAsync(walk);
        var passed = timeline.First(e => e.EventType == "initial_review_passed");
        var recommended = timeline.First(e => e.EventType == "application_recommended");
        var of = $"{Timeline}/applications/{walk.Application}";

        var review = await EntriesAsync(walk.Auditor, $"{of}?service=review");
        Assert.All(review, e => Assert.Equal("review", e.Service));
        Assert.Contains(review, e => e.EventType == "initial_review_passed");

        var submitted = await EntriesAsync(walk.Auditor, $"{of}?eventType=application_submitted");
        Assert.Equal("application_submitted", Assert.Single(submitted).EventType);

        var byApplicant = await EntriesAsync(walk.Auditor, $"{of}?actor={walk.Applicant}");
        Assert.All(byApplicant, e => Assert.Equal(walk.Applicant, e.ActorSubject));
        Assert.Equal(Steps.Where(s => s.Actor == "applicant").Select(s => s.Type),
            byApplicant.Select(e => e.EventType).Where(Steps.Select(s => s.Type).Contains));

        var between = await EntriesAsync(walk.Auditor, $"{of}?from={At(passed.At)}&to={At(recommended.At)}");
        Assert.Contains(between, e => e.Id == passed.Id);
        Assert.DoesNotContain(between, e => e.Id == recommended.Id);
        Assert.DoesNotContain(between, e => e.EventType == "application_submitted");
        Assert.All(between, e => Assert.InRange(e.At, passed.At, recommended.At));

        await ApiJson.AssertProblemAsync(await Api.GetAsync(walk.Auditor, $"{of}?service=accounting"),
            HttpStatusCode.UnprocessableEntity, "timeline-unknown-service");
    }

    [Fact]
    public async Task TheTimelineDownloadsAsAWorkbookAndAsAPrintablePdfThatReadBack()
    {
        var walk = await WalkedAsync();
        await TimelineUntilEveryStepAsync(walk);
        // The applicant's own steps: what they are does not change while the auditors read (each read is recorded).
        var of = $"{Timeline}/applications/{walk.Application}?actor={walk.Applicant}";
        var entries = await EntriesAsync(walk.Auditor, of);

        var xlsx = await Api.GetAsync(walk.Auditor, $"{of}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(Spreadsheet.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Spreadsheet.Read(await xlsx.Content.ReadAsStreamAsync());
        Assert.Contains(walk.Application.ToString(), rows[0].Cells[0]);
        Assert.Equal("事件 / Event", rows[1].Cells[2]);
        Assert.Equal(entries.Select(e => (e.EventType, e.ActorSubject, e.SummaryZh)), rows.Skip(2).Select(r => (r.Cells[2], (string?)r.Cells[3], r.Cells[6])));

        var pdf = await Api.GetAsync(walk.Auditor, $"{of}&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var document = PdfDocument.Open(bytes);
        var text = Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains("审计时间线", text);
        Assert.Contains(walk.Application.ToString(), text);
        Assert.Contains($"{entries.Count}条/entries", text);
    }

    [Fact]
    public async Task AnAuthoritysTimelineShowsWhatItsOfficersDidAndAUsersTimelineWhatTheyDid()
    {
        var walk = await WalkedAsync();
        await TimelineUntilEveryStepAsync(walk);

        var sichuan = await EntriesAsync(walk.Auditor, $"{Timeline}/authorities/{Authority}?actor={walk.Officer}");
        Assert.All(sichuan, e => Assert.Equal(Authority, e.ActorAuthority));
        Assert.Contains(sichuan, e => e.EventType == "initial_review_passed" && e.Applications.Contains(walk.Application));
        Assert.Contains(sichuan, e => e.EventType == "application_recommended" && e.Applications.Contains(walk.Application));

        var applicant = await EntriesAsync(walk.Auditor, $"{Timeline}/users/{walk.Applicant}");
        Assert.All(applicant, e => Assert.True(e.ActorSubject == walk.Applicant || e.Account == walk.Applicant, $"{e.EventType} by {e.ActorSubject}"));
        Assert.Contains(applicant, e => e.Service == "identity");
        Assert.Contains(applicant, e => e.EventType == "application_submitted" && e.Applications.Contains(walk.Application));
    }

    [Fact]
    public async Task AnAuditorsReadOfATimelineAppearsInThatAuditorsOwnTimeline()
    {
        var walk = await WalkedAsync();
        await EntriesAsync(walk.Auditor, $"{Timeline}/applications/{walk.Application}?service=registration");

        var reads = await EventuallyAsync(walk.Auditor, $"{Timeline}/users/{walk.AuditorSubject}?eventType=audit_trail_read",
            entries => entries.Any(e => e.Service == "registration" && e.Applications.Contains(walk.Application)), "the auditor's read in their timeline");
        var read = reads.First(e => e.Service == "registration" && e.Applications.Contains(walk.Application));
        Assert.Equal((walk.AuditorSubject, "auditor"), (read.ActorSubject, read.ActorRole));
        Assert.Contains(walk.Application.ToString(), read.SummaryEn);
    }

    [Fact]
    public async Task AnApplicantIsRefusedTheTimelineEvenOfItsOwnApplication()
    {
        var walk = await WalkedAsync();

        var refused = await Api.GetAsync(walk.ApplicantClient, $"{Timeline}/applications/{walk.Application}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(system.Gateway, $"{Timeline}/applications/{walk.Application}")).StatusCode);
    }

    static async Task<Walk> WalkAsync(WholeSystem system)
    {
        using var officer = await Screening.OfficerAsync(system, Authority, "e2e.timeline.sichuan");
        var filing = Screening.Enterprise(Authority, "510100", $"成都某某审计时间线装备有限公司{Guid.NewGuid().ToString("N")[..6]}");
        var (owner, id) = await Screening.FileAsync(system, filing);
        await Api.WaitForReviewCaseAsync(officer, id, TimeSpan.FromSeconds(60));
        var passed = await Api.PostAsync(officer, $"/api/v1/review-cases/{id}/initial-review", new { decision = "pass" });
        Assert.True(passed.StatusCode == HttpStatusCode.OK, await passed.Content.ReadAsStringAsync());
        await Screening.Until(async () => (await Api.GetJsonAsync(owner, $"/api/v1/applications/{id}")).GetProperty("status").GetString() == "passedInitialReview",
            $"{id} to show it passed");
        var uploaded = await Api.PutAsync(owner, $"/api/v1/applications/{id}/stamped-form", TestScans.Content(TestScans.Pdf($"Stamped form {id}")));
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        await Screening.Until(async () => (await Api.GetJsonAsync(officer, $"/api/v1/review-cases/{id}"))
            .GetProperty("stampedFormSha256").ValueKind == JsonValueKind.String, $"Review to see {id}'s stamped form");
        var recommended = await Api.PostAsync(officer, "/api/v1/recommendations", new { applicationId = id });
        Assert.True(recommended.StatusCode == HttpStatusCode.OK, await recommended.Content.ReadAsStringAsync());

        var auditor = await system.ClientAsync("auditor.li");
        return new(id, filing.Name, SubjectOf(owner), SubjectOf(system.TokensOf("e2e.timeline.sichuan").AccessToken), auditor,
            SubjectOf(system.TokensOf("auditor.li").AccessToken), owner);
    }

    /// <summary>The application's timeline, once every service's history has caught up with every step (each is projected asynchronously).</summary>
    static Task<List<Entry>> TimelineUntilEveryStepAsync(Walk walk) =>
        EventuallyAsync(walk.Auditor, $"{Timeline}/applications/{walk.Application}",
            entries => Steps.All(s => entries.Any(e => e.Service == s.Service && e.EventType == s.Type)), "every step in the timeline");

    static async Task<List<Entry>> EventuallyAsync(HttpClient auditor, string uri, Func<List<Entry>, bool> complete, string what)
    {
        var entries = new List<Entry>();
        await Screening.Until(async () => complete(entries = await EntriesAsync(auditor, uri)), what);
        return entries;
    }

    static async Task<List<Entry>> EntriesAsync(HttpClient client, string uri)
    {
        var response = await Api.GetAsync(client, uri);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {uri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<Entry>>(JsonSerializerOptions.Web))!;
    }

    /// <summary>A timeline entry as the gateway answers it (the fields these tests look at).</summary>
    sealed record Entry(Guid Id, string Service, string EventType, DateTimeOffset At, string? ActorSubject, string? ActorRole,
        string? ActorAuthority, string? CorrelationId, Guid[] Applications, string? Account, string SummaryZh, string SummaryEn);

    static string SubjectOf(HttpClient client) => SubjectOf(client.DefaultRequestHeaders.Authorization!.Parameter!);

    static string SubjectOf(string accessToken) => SignIn.Claims(accessToken).GetProperty("sub").GetString()!;

    static string At(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
