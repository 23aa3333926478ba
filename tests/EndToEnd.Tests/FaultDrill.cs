using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// A fault drill: applicants submit without pause; a fault strikes and heals; the system must recover by itself
/// (submissions acknowledged again). Every refusal meanwhile is a problem, never a 500 (a 503 with Retry-After, named
/// <c>expect503</c>, where the fault is on the submission's path); every acknowledged submission is stored once and opens
/// exactly one review case.
/// </summary>
public static class FaultDrill
{
    public const int Applicants = 8;

    /// <summary>
    /// Runs <paramref name="fault"/> under the load of <see cref="Applicants"/> applicants of <paramref name="system"/>
    /// (organisations named after <paramref name="name"/>). After it, the system has <paramref name="recovery"/> (a minute
    /// unless given) to acknowledge submissions again, and as long again to open every acknowledged submission's review case.
    /// </summary>
    public static async Task RunAsync(WholeSystem system, string name, Func<SubmissionLoad, Task> fault, string? expect503,
        ITestOutputHelper output, TimeSpan? recovery = null)
    {
        var within = recovery ?? TimeSpan.FromMinutes(1);
        var filings = Enumerable.Range(1, Applicants).Select(i => Screening.Enterprise("440300", "440300", $"深圳某某{name}制造有限公司{i:00}")).ToList();
        var applicants = await Task.WhenAll(filings.Select(async f => (Client: await Screening.AccountAsync(system, f), Filing: f)));

        var load = new SubmissionLoad();
        using var stop = new CancellationTokenSource();
        var submitting = applicants.Select(a => Task.Run(() => load.SubmitUntilStoppedAsync(a.Client, a.Filing, stop.Token))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        await fault(load);
        output.WriteLine($"{name}: the fault struck and healed in {clock.Elapsed.TotalSeconds:0.0} s");
        // The system recovers by itself: submissions are acknowledged again, with nobody restarting anything else.
        clock.Restart();
        await load.AcknowledgedMoreAsync("submissions acknowledged after the fault", within);
        output.WriteLine($"{name}: submissions acknowledged again {clock.Elapsed.TotalSeconds:0.0} s later");
        await stop.CancelAsync();
        await Task.WhenAll(submitting);

        var refusals = load.Refusals;
        output.WriteLine($"{name}: {load.Acknowledged} acknowledged; refused: " +
            string.Join(", ", refusals.GroupBy(r => $"{(int)r.Status} {r.Code}").Select(g => $"{g.Key} x{g.Count()}")) + $"; unanswered: {load.Unanswered}");
        if (expect503 is not null) Assert.Contains(refusals, r => r.Status == HttpStatusCode.ServiceUnavailable && r.Code == expect503);
        Assert.All(refusals, r =>
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status);
            Assert.Equal("application/problem+json", r.ContentType);
            if (r.Status == HttpStatusCode.ServiceUnavailable) Assert.True(r.RetryAfter, "a 503 carries Retry-After");
        });

        // Every acknowledged submission is stored once and opens exactly one review case (this test's own pooled
        // connections went away with a restarted server).
        NpgsqlConnection.ClearAllPools();
        var ids = load.AcknowledgedIds;
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await using var registration = await system.OpenDatabaseAsync("registrationdb");
        Assert.Equal(ids.Length, await CountStreamsWithOneEventAsync(registration, "application_submitted", ids));
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        clock.Restart();
        await Screening.Until(async () => await CountStreamsWithOneEventAsync(review, "review_case_opened", ids) == ids.Length,
            "one review case for each acknowledged submission", within);
        output.WriteLine($"{name}: every review case opened {clock.Elapsed.TotalSeconds:0.0} s after the load stopped");
        await using var twice = new NpgsqlCommand(
            "select count(*) from (select stream_id from public.mt_events where type = 'review_case_opened' and stream_id = any($1) " +
            "group by stream_id having count(*) > 1) t", review) { Parameters = { new() { Value = ids } } };
        Assert.Equal(0L, (long)(await twice.ExecuteScalarAsync())!);
    }

    static async Task<int> CountStreamsWithOneEventAsync(NpgsqlConnection connection, string type, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) from (select stream_id from public.mt_events where type = $1 and stream_id = any($2) group by stream_id having count(*) = 1) t",
            connection) { Parameters = { new() { Value = type }, new() { Value = ids } } };
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>What the applicants of a drill had acknowledged, what was refused them, and how often nothing answered.</summary>
public sealed class SubmissionLoad
{
    readonly ConcurrentBag<Guid> acknowledged = [];
    readonly ConcurrentBag<Refusal> refusals = [];
    int unanswered;

    public int Acknowledged => acknowledged.Count;
    public Guid[] AcknowledgedIds => [.. acknowledged];
    public IReadOnlyCollection<Refusal> Refusals => refusals;
    public int Unanswered => unanswered;

    /// <summary>Waits until every applicant could have had one more submission acknowledged, within <paramref name="within"/>.</summary>
    public Task AcknowledgedMoreAsync(string what, TimeSpan within)
    {
        var before = Acknowledged;
        return Screening.Until(() => Task.FromResult(Acknowledged >= before + FaultDrill.Applicants), what, within);
    }

    /// <summary>Creates, saves and submits applications one after another until stopped; 4xx and 5xx are noted and the next is tried.</summary>
    public async Task SubmitUntilStoppedAsync(HttpClient client, Filing filing, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var created = await NoteAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
            {
                Content = JsonContent.Create(new { category = "enterprise", organisationName = filing.Name, creditCode = filing.CreditCode, authorityCode = "440300" }),
            });
            if (created?.StatusCode != HttpStatusCode.Created) continue;
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var save = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form") { Content = JsonContent.Create(Api.EnterpriseForm) };
            save.Headers.IfMatch.Add(created.Headers.ETag!);
            var saved = await NoteAsync(client, save);
            if (saved?.StatusCode != HttpStatusCode.OK) continue;
            var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission");
            submit.Headers.IfMatch.Add(saved.Headers.ETag!);
            if ((await NoteAsync(client, submit))?.StatusCode == HttpStatusCode.OK) acknowledged.Add(id);
        }
    }

    async Task<HttpResponseMessage?> NoteAsync(HttpClient client, HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await Api.SendAsync(client, request, retryUnavailable: false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The connection itself broke, or nothing answered in time (the gateway was down): not an answer. A client
            // waits a moment before it tries again.
            Interlocked.Increment(ref unanswered);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            return null;
        }
        if ((int)response.StatusCode < 400) return response;
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        try { code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(); } catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        refusals.Add(new(response.StatusCode, response.Content.Headers.ContentType?.MediaType, code, response.Headers.RetryAfter is not null));
        if (response.Headers.RetryAfter?.Delta is { } wait) await Task.Delay(wait);
        return response;
    }

    public sealed record Refusal(HttpStatusCode Status, string? ContentType, string? Code, bool RetryAfter);
}
