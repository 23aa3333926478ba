using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// Failures survived under a submission load: whatever the system acknowledged is stored exactly once and reaches Review
/// exactly once, and what it could not do while a part was down it refused with a problem that says to try again.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class FaultDrillTests(WholeSystem system)
{
    const int Applicants = 8;

    [Fact, Trait("Category", "FaultDrill")]
    public Task PostgreSqlRestartedUnderLoadIsAnswered503WithRetryAfterAndLosesNothingAcknowledged() =>
        DrillAsync("故障演练数据库", async () =>
        {
            await system.ShutDownPostgresAsync();
            await Task.Delay(TimeSpan.FromSeconds(8)); // the load goes on against a system without its database
            await system.StartResourceAsync("postgres");
        }, expect503: "database-unavailable");

    [Fact, Trait("Category", "FaultDrill")]
    public Task RabbitMqKilledUnderLoadAndStartedAgainLosesNothingAcknowledged() =>
        DrillAsync("故障演练消息代理", async () =>
        {
            await system.KillBrokerAsync();
            await Task.Delay(TimeSpan.FromSeconds(8)); // submissions are stored meanwhile; the relays wait for the broker
            await system.StartResourceAsync("rabbitmq");
        }, expect503: null);

    /// <summary>
    /// Applicants submit without pause; <paramref name="fault"/> strikes and heals; the system must recover by itself
    /// (submissions acknowledged again). Every refusal meanwhile is a problem, never a 500 (a 503 with Retry-After, named
    /// <paramref name="expect503"/>, where the fault is on the submission's path); every acknowledged submission is stored
    /// once and opens exactly one review case.
    /// </summary>
    async Task DrillAsync(string name, Func<Task> fault, string? expect503)
    {
        var filings = Enumerable.Range(1, Applicants).Select(i => Screening.Enterprise("440300", "440300", $"深圳某某{name}制造有限公司{i:00}")).ToList();
        var applicants = await Task.WhenAll(filings.Select(async f => (Client: await Screening.AccountAsync(system, f), Filing: f)));

        var acknowledged = new ConcurrentBag<Guid>();
        var refusals = new ConcurrentBag<Refusal>();
        using var stop = new CancellationTokenSource();
        var load = applicants.Select(a => Task.Run(() => SubmitUntilStoppedAsync(a.Client, a.Filing, acknowledged, refusals, stop.Token))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(5));
        await fault();
        var healed = acknowledged.Count;
        // The system recovers by itself: submissions are acknowledged again, with nobody restarting anything else.
        await Screening.Until(() => Task.FromResult(acknowledged.Count >= healed + Applicants), "submissions acknowledged after the fault");
        await stop.CancelAsync();
        await Task.WhenAll(load);

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
        var ids = acknowledged.ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await using var registration = await system.OpenDatabaseAsync("registrationdb");
        Assert.Equal(ids.Length, await CountStreamsWithOneEventAsync(registration, "application_submitted", ids));
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        await Screening.Until(async () => await CountStreamsWithOneEventAsync(review, "review_case_opened", ids) == ids.Length,
            "one review case for each acknowledged submission");
        await using var twice = new NpgsqlCommand(
            "select count(*) from (select stream_id from public.mt_events where type = 'review_case_opened' and stream_id = any($1) " +
            "group by stream_id having count(*) > 1) t", review) { Parameters = { new() { Value = ids } } };
        Assert.Equal(0L, (long)(await twice.ExecuteScalarAsync())!);
    }

    /// <summary>Creates, saves and submits applications one after another until stopped; 4xx and 5xx are noted and the next is tried.</summary>
    static async Task SubmitUntilStoppedAsync(HttpClient client, Filing filing, ConcurrentBag<Guid> acknowledged,
        ConcurrentBag<Refusal> refusals, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var created = await NoteAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
            {
                Content = JsonContent.Create(new { category = "enterprise", organisationName = filing.Name, creditCode = filing.CreditCode, authorityCode = "440300" }),
            }, refusals);
            if (created?.StatusCode != HttpStatusCode.Created) continue;
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var save = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form") { Content = JsonContent.Create(Api.EnterpriseForm) };
            save.Headers.IfMatch.Add(created.Headers.ETag!);
            var saved = await NoteAsync(client, save, refusals);
            if (saved?.StatusCode != HttpStatusCode.OK) continue;
            var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission");
            submit.Headers.IfMatch.Add(saved.Headers.ETag!);
            if ((await NoteAsync(client, submit, refusals))?.StatusCode == HttpStatusCode.OK) acknowledged.Add(id);
        }
    }

    static async Task<HttpResponseMessage?> NoteAsync(HttpClient client, HttpRequestMessage request, ConcurrentBag<Refusal> refusals)
    {
        HttpResponseMessage response;
        try
        {
            response = await Api.SendAsync(client, request, retryUnavailable: false);
        }
        catch (HttpRequestException)
        {
            return null; // the connection itself broke: not an answer
        }
        if ((int)response.StatusCode < 400) return response;
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        try { code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(); } catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        refusals.Add(new(response.StatusCode, response.Content.Headers.ContentType?.MediaType, code, response.Headers.RetryAfter is not null));
        if (response.Headers.RetryAfter?.Delta is { } wait) await Task.Delay(wait);
        return response;
    }

    static async Task<int> CountStreamsWithOneEventAsync(NpgsqlConnection connection, string type, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) from (select stream_id from public.mt_events where type = $1 and stream_id = any($2) group by stream_id having count(*) = 1) t",
            connection) { Parameters = { new() { Value = type }, new() { Value = ids } } };
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    sealed record Refusal(HttpStatusCode Status, string? ContentType, string? Code, bool RetryAfter);
}
