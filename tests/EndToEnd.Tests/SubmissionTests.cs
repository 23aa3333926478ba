using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

public class SubmissionTests(WholeSystem system) : IClassFixture<WholeSystem>
{
    [Fact]
    public async Task EveryResourceRunsAndTheGatewayIsTheOnlyPublicDoor()
    {
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        var names = model.Resources.Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "rabbitmq", "registrationdb", "reviewdb", "evaluationdb",
            "messaging", "registration", "review", "evaluation", "gateway" }, names);
        foreach (var service in new[] { "registration", "review", "evaluation" })
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(service);

        foreach (var document in new[] { "registration", "review", "evaluation" })
        {
            var openApi = await system.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json");
            Assert.True(openApi.GetProperty("paths").EnumerateObject().Any());
        }
    }

    [Fact]
    public async Task ASubmissionThroughTheGatewayOpensAReviewCaseInTheSameTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();

        var id = await CreateAndSubmitAsync("石家庄某某装备制造有限公司", "130000", traceId);

        var reviewCase = await WaitForReviewCaseAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("石家庄某某装备制造有限公司", reviewCase.GetProperty("organisationName").GetString());
        // One trace from the gateway through Registration, its relay, the broker and Review's consumer:
        // every event carries the trace id as its correlation id.
        Assert.Equal(traceId.ToHexString(), await CorrelationOfAsync("registrationdb", id, "application_submitted"));
        Assert.Equal(traceId.ToHexString(), await CorrelationOfAsync("reviewdb", id, "review_case_opened"));
    }

    [Fact]
    public async Task SubmissionsWhileTheBrokerIsDownAllReachReviewExactlyOnce()
    {
        // The system is warm: one submission has gone all the way through.
        await WaitForReviewCaseAsync(await CreateAndSubmitAsync("天津某某机械有限公司", "120000"), TimeSpan.FromSeconds(60));

        await system.StopBrokerAsync();
        List<Guid> submitted;
        try
        {
            submitted = [];
            for (var i = 0; i < 5; i++)
                submitted.Add(await CreateAndSubmitAsync($"青岛某某家电制造有限公司{i}", "370200"));
            await Task.Delay(TimeSpan.FromSeconds(5)); // the relay keeps trying, its checkpoint does not move
        }
        finally
        {
            await system.StartBrokerAsync();
        }

        foreach (var id in submitted)
        {
            var reviewCase = await WaitForReviewCaseAsync(id, TimeSpan.FromMinutes(2));
            Assert.Equal(1, reviewCase.GetProperty("version").GetInt64());
        }
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        await using var count = new NpgsqlCommand(
            "select count(*) from public.mt_events where type = 'review_case_opened' and stream_id = any($1)", review)
        {
            Parameters = { new() { Value = submitted.ToArray() } },
        };
        Assert.Equal(5L, (long)(await count.ExecuteScalarAsync())!);
    }

    async Task<Guid> CreateAndSubmitAsync(string name, string authority, ActivityTraceId? traceId = null)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
        {
            Content = JsonContent.Create(new { category = "enterprise", organisationName = name, creditCode = "914403001922038216", authorityCode = authority }),
        };
        AddTrace(create, traceId);
        var created = await system.Gateway.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission");
        submit.Headers.IfMatch.Add(created.Headers.ETag!);
        AddTrace(submit, traceId);
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.SendAsync(submit)).StatusCode);
        return id;
    }

    static void AddTrace(HttpRequestMessage request, ActivityTraceId? traceId)
    {
        if (traceId is { } id)
            request.Headers.Add("traceparent", $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    async Task<JsonElement> WaitForReviewCaseAsync(Guid id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await system.Gateway.GetAsync($"/api/v1/review-cases/{id}");
            if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No review case for {id} after {timeout}.");
            await Task.Delay(250);
        }
    }

    async Task<string?> CorrelationOfAsync(string database, Guid streamId, string eventType)
    {
        await using var connection = await system.OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(
            "select correlation_id from public.mt_events where stream_id = $1 and type = $2", connection)
        {
            Parameters = { new() { Value = streamId }, new() { Value = eventType } },
        };
        return (string?)await command.ExecuteScalarAsync();
    }
}
